class UserStationAssignment:
    pass
