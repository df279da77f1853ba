from legacy.models import Booking


def one():
    return Booking()
