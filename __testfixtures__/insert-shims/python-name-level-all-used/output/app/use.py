from old.social import Special
from canon.lead import BusinessSocialAccount

print(BusinessSocialAccount, Special)
