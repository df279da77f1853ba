"""Legacy booking model (duplicate of db.models.core.Booking)."""


class Booking:
    table = "bookings"


class BookingStatus:
    PENDING = "pending"


def legacy_helper():
    return None


def create_app():
    return None
