from models.social import *
from db.models.core import *
from core.auth.station_models import *

print(SocialAccount, Booking, UserStationAssignment)
