import os
from models.booking import Booking, BookingStatus


def pending():
    return [b for b in Booking.all() if b.status == BookingStatus.PENDING and os.sep]
