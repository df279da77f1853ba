from db.models import lead
from models import booking

print(lead, booking.Booking, booking.legacy_helper)
