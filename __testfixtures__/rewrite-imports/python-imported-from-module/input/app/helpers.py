from core.auth.station_models import UserStationAssignment


def make():
    return UserStationAssignment()
