from legacy.booking import Booking

DEFAULT_STATUS = "new"


def open_booking() -> Booking:
    return Booking()
