from app.api.products import use_products
import app.api.products
app.api.products.use_product()
