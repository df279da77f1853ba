from canon.identity import Station, StationUser

LINK = StationUser(1, 2), Station("x")
