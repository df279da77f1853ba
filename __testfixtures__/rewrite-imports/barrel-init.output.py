"""Package barrel: re-exports the station models."""
from db.models.identity import Station, StationUser as UserStationAssignment
from db.models.core import Booking

__all__ = [
    "Station",
    "UserStationAssignment",
    "Booking",
]
