"""Package barrel: re-exports the station models."""
from db.models.identity import Station, StationUser
from db.models.core import Booking

__all__ = [
    "Station",
    "StationUser",
    "Booking",
]
