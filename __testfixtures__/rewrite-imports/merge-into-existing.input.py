from typing import TYPE_CHECKING

from db.models.core import Customer
from models.booking import Booking
from models.customer import Customer as Client  # an alias the map keeps

if TYPE_CHECKING:
    from models.booking import BookingStatus


def describe(booking: Booking, status: "BookingStatus") -> str:
    return f"{booking} {status} {Customer} {Client}"
