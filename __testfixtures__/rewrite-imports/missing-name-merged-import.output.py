from db.models import core, lead
import models.booking

print(lead, core.Booking, models.booking.legacy_helper)
