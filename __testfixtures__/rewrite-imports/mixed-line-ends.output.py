import os  # the settings come firstfrom db.models.core import Booking


def find(session):
    return session.get(Booking, 1)
