from models.booking import Booking, legacy_helper

print(Booking, legacy_helper)
