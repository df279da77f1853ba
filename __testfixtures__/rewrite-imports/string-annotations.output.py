from typing import TYPE_CHECKING, Literal, Optional

if TYPE_CHECKING:
    from db.models.identity import StationUser
    from db.models.lead import BusinessSocialAccount


def assigned(user_id: int) -> "Optional[StationUser]":
    return None


def pair(a: "list[StationUser]", b: "dict[str, BusinessSocialAccount] | None") -> "tuple[StationUser, ...]":
    kind: "Literal['UserStationAssignment']" = "UserStationAssignment"
    other: "StationUser.Meta" = None
    return (a, b, kind, other)


def untouched(x: "Optional[models.UserStationAssignment]") -> str:
    return "Optional[UserStationAssignment]"
