from typing import TYPE_CHECKING, Literal, Optional

if TYPE_CHECKING:
    from core.auth.station_models import UserStationAssignment
    from models.social import SocialAccount


def assigned(user_id: int) -> "Optional[UserStationAssignment]":
    return None


def pair(a: "list[UserStationAssignment]", b: "dict[str, SocialAccount] | None") -> "tuple[UserStationAssignment, ...]":
    kind: "Literal['UserStationAssignment']" = "UserStationAssignment"
    other: "UserStationAssignment.Meta" = None
    return (a, b, kind, other)


def untouched(x: "Optional[models.UserStationAssignment]") -> str:
    return "Optional[UserStationAssignment]"
