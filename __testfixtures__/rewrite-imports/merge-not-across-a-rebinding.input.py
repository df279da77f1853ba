from db.models.lead import CustomerSocialIdentity

SocialAccount = None

from models.social import SocialAccount

print(SocialAccount, CustomerSocialIdentity)
