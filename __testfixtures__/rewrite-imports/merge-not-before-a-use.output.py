from models.social import normalize_handle
from db.models.lead import BusinessSocialAccount

ACCOUNT = BusinessSocialAccount

from db.models.lead import CustomerSocialIdentity

print(ACCOUNT, CustomerSocialIdentity, normalize_handle)
