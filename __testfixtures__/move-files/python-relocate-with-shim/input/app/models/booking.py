"""Bookings."""
from . import base


class Booking(base.Base):
    pass


def make():
    return Booking()
