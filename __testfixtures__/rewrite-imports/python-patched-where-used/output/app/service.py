from canon.core import BookingModel as Booking


def book():
    return Booking()
