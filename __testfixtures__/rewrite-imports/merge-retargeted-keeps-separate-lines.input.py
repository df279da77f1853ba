from os.path import join, sep
from models.booking import Booking
from models.booking import BookingStatus

print(join, sep, Booking, BookingStatus)
