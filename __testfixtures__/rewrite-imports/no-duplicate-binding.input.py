from db.models.core import Booking
from models.booking import Booking, BookingStatus

print(Booking, BookingStatus)
