from models.booking import Booking


def book():
    return Booking()
