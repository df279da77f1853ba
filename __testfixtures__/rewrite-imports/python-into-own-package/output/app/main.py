from app.api import use_products
import app.api
app.api.use_product()
