from db.models.core import Booking


def book():
    return Booking()
