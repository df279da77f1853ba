from db.models.core import Booking
from db.models import core
from . import helpers


def make():
    return Booking(), core.Customer(), helpers
