from old.booking import Booking


def other():
    return Booking()
