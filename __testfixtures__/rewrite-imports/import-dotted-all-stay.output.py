import models.booking

print(models.booking.legacy_helper)
