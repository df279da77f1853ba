from models.social import (
    normalize_handle,
)
from db.models.lead import BusinessSocialAccount
from db.models.feedback_marketing import CustomerReview

print(normalize_handle, BusinessSocialAccount, CustomerReview)
