from old.social import normalize_handle
from canon.lead import BusinessSocialAccount
from canon.feedback import CustomerReview

print(BusinessSocialAccount, CustomerReview, normalize_handle("@A"))
