from ..booking import Booking
from .. import customer
from . import helpers


def make():
    return Booking(), customer.Customer(), helpers
