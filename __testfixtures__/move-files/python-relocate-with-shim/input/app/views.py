from app.models.booking import Booking, make
from app.models import booking

print(Booking, make, booking.Booking)
