import models.booking as booking_models
import core.auth.station_models as sm


def load():
    return booking_models.Booking, sm.UserStationAssignment, sm.Station
