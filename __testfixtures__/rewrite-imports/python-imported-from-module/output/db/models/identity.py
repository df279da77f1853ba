class Station:
    table = "stations"


class StationUser:
    table = "station_users"
