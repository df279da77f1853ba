from db.models import core, core as cust
from db.models import identity


def load():
    return core.Booking, cust.Customer, identity.StationUser
