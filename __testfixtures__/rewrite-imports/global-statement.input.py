from core.auth.station_models import UserStationAssignment
for _ in []:
    pass


def reset():
    global UserStationAssignment
    UserStationAssignment = None
