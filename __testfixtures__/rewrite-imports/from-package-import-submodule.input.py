from models import booking, customer as cust
from core.auth import station_models


def load():
    return booking.Booking, cust.Customer, station_models.UserStationAssignment
