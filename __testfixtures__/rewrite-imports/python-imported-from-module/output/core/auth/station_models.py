class Station:
    table = "stations"


class UserStationAssignment:
    table = "station_users"
