import db.models.identity
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
    return first, second, third, fourth
