from core.auth.station_models import UserStationAssignment


class StationUser:
    """A local class that already holds the new name."""


def assign():
    return UserStationAssignment(), StationUser()
