import db.models.core


def load(session):
    booking = session.get(db.models.core.Booking, 1)
    module = db.models.core
    return booking, db.models.core.Customer, module
