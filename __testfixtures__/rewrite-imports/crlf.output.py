from db.models.core import Booking
from models.social import normalize_handle
from db.models.lead import BusinessSocialAccount

print(Booking, BusinessSocialAccount, normalize_handle)
