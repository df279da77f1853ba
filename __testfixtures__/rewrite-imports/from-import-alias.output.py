from db.models.core import Customer as Cust
from db.models.core import Booking as Booking


def make():
    return Cust(), Booking()
