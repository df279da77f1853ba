import typing
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from db.models.identity import StationUser
    from db.models.lead import BusinessSocialAccount

AssignmentT = TypeVar("AssignmentT", bound="StationUser")
AccountOrAssignment = TypeVar("AccountOrAssignment", "BusinessSocialAccount", "StationUser")
Ref = typing.ForwardRef("BusinessSocialAccount")


def first(rows: list) -> "StationUser":
    row = cast("StationUser", rows[0])
    accounts = typing.cast("list[BusinessSocialAccount]", rows[1:])
    return cast("StationUser", (row, accounts))


def untouched(rows: list) -> str:
    label = "UserStationAssignment"
    named = TypeVar("UserStationAssignment")
    return cast(str, label) + str(named) + print("SocialAccount", rows)
