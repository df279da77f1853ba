from models.booking import Booking
from models.social import SocialAccount, normalize_handle

print(Booking, SocialAccount, normalize_handle)
