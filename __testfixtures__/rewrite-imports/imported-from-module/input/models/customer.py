class Customer:
    table = "customers"
