from models.social import SocialAccount, normalize_handle

ACCOUNT = SocialAccount

from db.models.lead import CustomerSocialIdentity

print(ACCOUNT, CustomerSocialIdentity, normalize_handle)
