from core.auth.station_models import UserStationAssignment

print(UserStationAssignment)


class UserStationAssignment(UserStationAssignment):
    pass


for UserStationAssignment in []:
    pass


def reset():
    global UserStationAssignment
    UserStationAssignment = None
