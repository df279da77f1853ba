from app.models.booking import Booking
from app.models.invoice import Invoice
import app.models.booking

print(Booking, Invoice, app.models.booking.Booking)
