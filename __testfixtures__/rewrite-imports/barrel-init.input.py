"""Package barrel: re-exports the station models."""
from core.auth.station_models import Station, UserStationAssignment
from models.booking import Booking

__all__ = [
    "Station",
    "UserStationAssignment",
    "Booking",
]
