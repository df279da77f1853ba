from old.booking import Booking


def book():
    return Booking()
