from typing import Optional, cast

import core.auth.station_models
import models.booking as mb
from core.auth import station_models


def assign(
    first: "core.auth.station_models.UserStationAssignment",
    second: "Optional[station_models.UserStationAssignment]",
    third: "mb.Booking | None" = None,
    fourth: "dict[str, core.auth.station_models.Station]" = {},
    fifth: "type[mb.legacy_helper]" = None,
) -> "list[station_models.Station]":
    return cast("station_models.UserStationAssignment", first), second, third, fourth, fifth
