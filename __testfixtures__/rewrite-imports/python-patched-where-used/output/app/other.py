from canon.core import BookingModel


def other():
    return BookingModel()
