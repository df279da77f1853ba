import os  # the settings come firstfrom models.booking import Booking


def find(session):
    return session.get(Booking, 1)
