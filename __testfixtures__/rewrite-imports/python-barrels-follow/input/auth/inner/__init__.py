"""A barrel: re-exports the station model."""
from old.station_models import UserStationAssignment

__all__ = ["UserStationAssignment"]
