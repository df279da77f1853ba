from shared_models.booking import Booking
from billing_sdk.models import Invoice
import shared_models.booking

print(Booking, Invoice, shared_models.booking.Booking)
