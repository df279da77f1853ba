from models.booking import legacy_helper, \
    BookingStatus, \
    Booking

print(legacy_helper, BookingStatus, Booking)
