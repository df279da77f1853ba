from dataclasses import dataclass


@dataclass
class Station:
    name: str


@dataclass
class StationUser:
    user_id: int
    station_id: int
