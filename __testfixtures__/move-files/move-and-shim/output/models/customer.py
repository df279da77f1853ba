class Customer:
    pass
