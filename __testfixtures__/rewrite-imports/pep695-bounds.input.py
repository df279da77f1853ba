from core.auth.station_models import UserStationAssignment


def first[T: UserStationAssignment](items: list[T]) -> T:
    return items[0]


def pick[T: (UserStationAssignment, int)](x: T) -> T:
    return x
