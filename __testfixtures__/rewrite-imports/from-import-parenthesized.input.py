from models.booking import (  # legacy models
    Booking,  # the booking
    BookingStatus,
)

STATUSES = (BookingStatus.PENDING,)
