import core.auth.station_models
import models.booking
from core.auth import station_models as sm
from core.auth.station_models import UserStationAssignment
from models.social import SocialAccount


def classify(event, other):
    match event:
        case UserStationAssignment(station=station):
            return station
        case core.auth.station_models.UserStationAssignment():
            return "chained"
        case sm.UserStationAssignment(table=sm.Station.table):
            return "aliased"
        case models.booking.Booking(table=models.booking.BookingStatus.PENDING):
            return "pending"
        case other.UserStationAssignment(UserStationAssignment=link):
            return link
        case [SocialAccount(), *rest]:
            return rest
        case {"account": SocialAccount() as account, **extra}:
            return account, extra
        case (models.booking.Booking() | UserStationAssignment()) if event:
            return event
    return None
