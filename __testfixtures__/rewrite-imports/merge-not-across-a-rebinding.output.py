from db.models.lead import CustomerSocialIdentity

BusinessSocialAccount = None

from db.models.lead import BusinessSocialAccount

print(BusinessSocialAccount, CustomerSocialIdentity)
