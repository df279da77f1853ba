from db.models.core import Customer
print(Customer)
