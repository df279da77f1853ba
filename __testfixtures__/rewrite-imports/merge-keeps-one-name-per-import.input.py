from db.models.lead import CustomerSocialIdentity
from models.booking import Booking
from models.customer import Customer
from models.social import SocialAccount
from models.social import normalize_handle

print(Booking, Customer, SocialAccount, CustomerSocialIdentity, normalize_handle)
