"""Not a package, but re-exports through __all__."""
from core.auth.station_models import UserStationAssignment

__all__ = ["UserStationAssignment", "make"]


def make():
    return UserStationAssignment()
