"""Station authentication (multi-tenant RBAC for station managers).

Re-exports the station models so callers can write ``from core.auth import Station``.
"""
from .station_models import Station, UserStationAssignment

__all__ = [
    "Station",
    "UserStationAssignment",
]
