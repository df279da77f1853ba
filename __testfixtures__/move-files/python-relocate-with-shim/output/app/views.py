from app.models.DEPRECATED.booking import Booking, make
from app.models.DEPRECATED import booking

print(Booking, make, booking.Booking)
