from db.models.core import Booking
from db.models import core as customer
from . import helpers


def make():
    return Booking(), customer.Customer(), helpers
