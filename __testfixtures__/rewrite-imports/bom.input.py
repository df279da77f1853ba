from models.customer import Customer
print(Customer)
