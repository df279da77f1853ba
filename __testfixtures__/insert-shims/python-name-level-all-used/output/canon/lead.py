class BusinessSocialAccount:
    table = "social_accounts"
