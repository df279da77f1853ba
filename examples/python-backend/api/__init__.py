"""API layer written as plain functions; a web framework only has to wrap them."""
from models import Booking  # through the legacy barrel (models/__init__.py)

API_VERSION = "v1"


def booking_url(booking: Booking) -> str:
    return f"/api/{API_VERSION}/bookings/{booking.id}"
