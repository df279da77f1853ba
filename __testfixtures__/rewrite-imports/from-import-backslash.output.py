from db.models.core import \
    Booking, \
    BookingStatus

print(Booking, BookingStatus)
