import db.models.identity
import db.models.core
from db.models import identity as sm
from db.models.identity import StationUser
from db.models.lead import BusinessSocialAccount


def classify(event, other):
    match event:
        case StationUser(station=station):
            return station
        case db.models.identity.StationUser():
            return "chained"
        case sm.StationUser(table=sm.Station.table):
            return "aliased"
        case db.models.core.Booking(table=db.models.core.BookingStatus.PENDING):
            return "pending"
        case other.UserStationAssignment(UserStationAssignment=link):
            return link
        case [BusinessSocialAccount(), *rest]:
            return rest
        case {"account": BusinessSocialAccount() as account, **extra}:
            return account, extra
        case (db.models.core.Booking() | StationUser()) if event:
            return event
    return None
