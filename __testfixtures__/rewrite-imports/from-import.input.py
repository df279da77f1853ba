from models.booking import Booking


def make():
    return Booking()
