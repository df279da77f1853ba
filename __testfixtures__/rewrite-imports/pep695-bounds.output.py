from db.models.identity import StationUser


def first[T: StationUser](items: list[T]) -> T:
    return items[0]


def pick[T: (StationUser, int)](x: T) -> T:
    return x
