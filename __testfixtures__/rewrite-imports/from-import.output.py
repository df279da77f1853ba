from db.models.core import Booking


def make():
    return Booking()
