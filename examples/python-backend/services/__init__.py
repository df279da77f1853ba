"""Application services: the business workflows behind the API and the workers."""
from .booking_service import BookingError, cancel_booking, create_booking, find_or_create_customer
from .station_service import assign_user_to_station, find_assignment

__all__ = [
    "BookingError",
    "assign_user_to_station",
    "cancel_booking",
    "create_booking",
    "find_assignment",
    "find_or_create_customer",
]
