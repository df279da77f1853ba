from db.models import core, core as cust, identity


def load():
    return core.Booking, cust.Customer, identity.StationUser
