import db.models.core as booking_models
import db.models.identity as sm


def load():
    return booking_models.Booking, sm.StationUser, sm.Station
