from db.models.identity import Station, StationUser


def assign(user, station: Station) -> StationUser:
    link = StationUser(user=user, station=station)
    if isinstance(link, StationUser):
        return link
    raise TypeError(StationUser.__name__)


def shadowed(UserStationAssignment):
    return UserStationAssignment


def local():
    UserStationAssignment = dict
    return UserStationAssignment


def attributes(obj):
    obj.UserStationAssignment = 1
    return dict(UserStationAssignment=obj.UserStationAssignment)


def uses_global():
    return [StationUser for _ in range(2)], lambda: StationUser
