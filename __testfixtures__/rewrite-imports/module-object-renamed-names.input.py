import core.auth.station_models
import models.booking
from core.auth import station_models


def pick(kind):
    module = core.auth.station_models
    other = station_models
    found = getattr(station_models, "UserStationAssignment")
    return module, other, vars(station_models), found, models.booking
