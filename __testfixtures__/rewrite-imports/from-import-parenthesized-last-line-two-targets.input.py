from models.social import (
    normalize_handle,
    SocialAccount, CustomerReview,
)

print(normalize_handle, SocialAccount, CustomerReview)
