from models.booking import (
    legacy_helper,
)
from db.models.core import Booking

print(legacy_helper, Booking)
