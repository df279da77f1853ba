"""Deprecated: `old.station_models` moved to `canon.identity`.

old.station_models is deprecated: import Station and StationUser from
canon.identity

A compatibility shim written by remodel: it serves the old names from their
canonical modules (the same objects, so one class and one ORM mapper) and
warns. Import from the canonical module instead.
"""
# remodel: deprecation shim
import warnings as _warnings

from canon.identity import Station, StationUser as UserStationAssignment

_warnings.warn(
    "old.station_models is deprecated: import Station and StationUser from canon.identity",
    DeprecationWarning,
    stacklevel=2,
)


__all__ = ["Station", "UserStationAssignment"]
