from db.models.core import Booking
from db.models.core import BookingStatus

print(Booking, BookingStatus)
