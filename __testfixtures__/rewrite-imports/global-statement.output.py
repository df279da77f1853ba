from db.models.identity import StationUser
for _ in []:
    pass


def reset():
    global StationUser
    StationUser = None
