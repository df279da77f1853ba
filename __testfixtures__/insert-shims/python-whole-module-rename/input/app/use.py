from old.station_models import Station, UserStationAssignment

LINK = UserStationAssignment(1, 2), Station("x")
