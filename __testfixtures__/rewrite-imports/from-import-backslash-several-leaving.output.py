from models.booking import legacy_helper
from db.models.core import BookingStatus, Booking

print(legacy_helper, BookingStatus, Booking)
