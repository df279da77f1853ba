from models.social import *
from models.booking import *
from core.auth.station_models import *

print(SocialAccount, Booking, UserStationAssignment)
