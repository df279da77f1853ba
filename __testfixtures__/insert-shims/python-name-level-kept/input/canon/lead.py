class BusinessSocialAccount:
    table = "social_accounts"


class CustomerSocialIdentity:
    pass
