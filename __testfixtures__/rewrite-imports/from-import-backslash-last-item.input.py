from models.booking import legacy_helper, \
    Booking
import models.booking

print(legacy_helper)
print(Booking)
print(models.booking.Booking)
