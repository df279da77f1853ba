Customer = "mine"
from models.booking import *

print(Customer, Booking)
