class StationUser:
    pass
