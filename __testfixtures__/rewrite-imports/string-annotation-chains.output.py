from typing import Optional, cast

import db.models.identity
import db.models.core as mb
import models.booking
from db.models import identity


def assign(
    first: "db.models.identity.StationUser",
    second: "Optional[identity.StationUser]",
    third: "mb.Booking | None" = None,
    fourth: "dict[str, db.models.identity.Station]" = {},
    fifth: "type[models.booking.legacy_helper]" = None,
) -> "list[identity.Station]":
    return cast("identity.StationUser", first), second, third, fourth, fifth
