class SocialAccount:
    table = "social_accounts"


class SocialIdentity:
    table = "social_identities"


class CustomerReview:
    table = "customer_reviews"


def normalize_handle(handle):
    return handle.lstrip("@").lower()
