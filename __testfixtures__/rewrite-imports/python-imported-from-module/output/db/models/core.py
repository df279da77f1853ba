class Booking:
    table = "bookings"


class BookingStatus:
    PENDING = "pending"


class Customer:
    table = "customers"


def create_app():
    return None
