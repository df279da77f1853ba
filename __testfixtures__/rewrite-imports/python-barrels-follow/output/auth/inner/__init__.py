"""A barrel: re-exports the station model."""
from canon.identity import StationUser

__all__ = ["StationUser"]
