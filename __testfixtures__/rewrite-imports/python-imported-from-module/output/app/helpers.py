from db.models.identity import StationUser as UserStationAssignment


def make():
    return UserStationAssignment()
