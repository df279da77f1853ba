from models.booking import \
    Booking, \
    BookingStatus

print(Booking, BookingStatus)
