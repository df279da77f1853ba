from .orders import *
from .products import *
from .products import use_product as one
from app.api import products
