from models.booking import legacy_helper
from db.models.core import Booking
import db.models.core

print(legacy_helper)
print(Booking)
print(db.models.core.Booking)
