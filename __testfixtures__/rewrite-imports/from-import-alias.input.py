from models.customer import Customer as Cust
from models.booking import Booking as Booking


def make():
    return Cust(), Booking()
