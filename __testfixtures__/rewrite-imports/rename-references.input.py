from core.auth.station_models import Station, UserStationAssignment


def assign(user, station: Station) -> UserStationAssignment:
    link = UserStationAssignment(user=user, station=station)
    if isinstance(link, UserStationAssignment):
        return link
    raise TypeError(UserStationAssignment.__name__)


def shadowed(UserStationAssignment):
    return UserStationAssignment


def local():
    UserStationAssignment = dict
    return UserStationAssignment


def attributes(obj):
    obj.UserStationAssignment = 1
    return dict(UserStationAssignment=obj.UserStationAssignment)


def uses_global():
    return [UserStationAssignment for _ in range(2)], lambda: UserStationAssignment
