from typing import TYPE_CHECKING

from db.models.core import Booking, Customer
from db.models.core import Customer as Client  # an alias the map keeps

if TYPE_CHECKING:
    from db.models.core import BookingStatus


def describe(booking: Booking, status: "BookingStatus") -> str:
    return f"{booking} {status} {Customer} {Client}"
