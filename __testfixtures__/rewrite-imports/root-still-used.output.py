import db.models.core
import models.social

print(db.models.core.Booking, models.social.normalize_handle)
