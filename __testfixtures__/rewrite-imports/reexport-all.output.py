"""Not a package, but re-exports through __all__."""
from db.models.identity import StationUser as UserStationAssignment

__all__ = ["UserStationAssignment", "make"]


def make():
    return UserStationAssignment()
