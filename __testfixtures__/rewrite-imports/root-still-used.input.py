import models.booking

print(models.booking.Booking, models.social.normalize_handle)
