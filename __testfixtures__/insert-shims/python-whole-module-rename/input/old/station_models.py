"""Station models (legacy duplicate)."""
from dataclasses import dataclass


@dataclass
class Station:
    name: str


@dataclass
class UserStationAssignment:
    user_id: int
    station_id: int
