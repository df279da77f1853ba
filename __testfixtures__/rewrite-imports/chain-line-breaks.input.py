import core.auth.station_models
import models.booking


def load(session):
    first = core.auth.station_models \
        .UserStationAssignment
    second = (
        models.booking  # the legacy module
        .Booking
    )
    third = (core.auth.station_models).UserStationAssignment
    fourth = (core.auth.station_models.UserStationAssignment)
    fifth = (core).auth.station_models.Station
    return first, second, third, fourth, fifth
