class BusinessSocialAccount:
    table = "business_social_accounts"


class CustomerSocialIdentity:
    table = "customer_social_identities"
