import db.models.identity
import core.auth.station_models
import db.models.core


def load(session):
    first = db.models.identity \
        .StationUser
    second = (
        db.models.core  # the legacy module
        .Booking
    )
    third = (db.models.identity).StationUser
    fourth = (db.models.identity.StationUser)
    fifth = (core).auth.station_models.Station
    return first, second, third, fourth, fifth
