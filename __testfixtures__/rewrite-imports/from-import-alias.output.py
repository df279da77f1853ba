from db.models.core import Customer as Cust, Booking as Booking


def make():
    return Cust(), Booking()
