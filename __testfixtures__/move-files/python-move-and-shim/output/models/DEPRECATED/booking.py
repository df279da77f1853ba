"""Legacy booking model."""
from ..customer import Customer


class Booking:
    customer_class = Customer
