from db.models.core import (  # legacy models
    Booking,  # the booking
    BookingStatus,
)

STATUSES = (BookingStatus.PENDING,)
