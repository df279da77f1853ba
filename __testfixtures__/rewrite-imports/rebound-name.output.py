from db.models.identity import StationUser as UserStationAssignment

print(UserStationAssignment)


class UserStationAssignment(UserStationAssignment):
    pass


for UserStationAssignment in []:
    pass


def reset():
    global UserStationAssignment
    UserStationAssignment = None
