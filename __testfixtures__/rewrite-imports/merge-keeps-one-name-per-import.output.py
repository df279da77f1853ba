from db.models.lead import CustomerSocialIdentity
from db.models.core import Booking
from db.models.core import Customer
from db.models.lead import BusinessSocialAccount
from models.social import normalize_handle

print(Booking, Customer, BusinessSocialAccount, CustomerSocialIdentity, normalize_handle)
