import typing
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from core.auth.station_models import UserStationAssignment
    from models.social import SocialAccount

AssignmentT = TypeVar("AssignmentT", bound="UserStationAssignment")
AccountOrAssignment = TypeVar("AccountOrAssignment", "SocialAccount", "UserStationAssignment")
Ref = typing.ForwardRef("SocialAccount")


def first(rows: list) -> "UserStationAssignment":
    row = cast("UserStationAssignment", rows[0])
    accounts = typing.cast("list[SocialAccount]", rows[1:])
    return cast("UserStationAssignment", (row, accounts))


def untouched(rows: list) -> str:
    label = "UserStationAssignment"
    named = TypeVar("UserStationAssignment")
    return cast(str, label) + str(named) + print("SocialAccount", rows)
