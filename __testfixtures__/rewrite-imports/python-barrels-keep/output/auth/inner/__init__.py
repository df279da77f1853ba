"""A barrel: re-exports the station model."""
from canon.identity import StationUser as UserStationAssignment

__all__ = ["UserStationAssignment"]
