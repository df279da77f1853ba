from os.path import join, sep
from db.models.core import Booking
from db.models.core import BookingStatus

print(join, sep, Booking, BookingStatus)
