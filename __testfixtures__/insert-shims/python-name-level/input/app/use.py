from old.social import SocialAccount, CustomerReview, normalize_handle

print(SocialAccount, CustomerReview, normalize_handle("@A"))
