from db.models import core as booking, core as cust
from db.models import identity as station_models


def load():
    return booking.Booking, cust.Customer, station_models.StationUser
