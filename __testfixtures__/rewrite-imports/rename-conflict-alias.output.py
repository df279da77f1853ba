from db.models.identity import StationUser as UserStationAssignment


class StationUser:
    """A local class that already holds the new name."""


def assign():
    return UserStationAssignment(), StationUser()
