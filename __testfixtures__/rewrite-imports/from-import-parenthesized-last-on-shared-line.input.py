from models.booking import (
    legacy_helper, Booking,
)

print(legacy_helper, Booking)
