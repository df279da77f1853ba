class SocialAccount:
    table = "social_accounts"


class Special(SocialAccount):
    pass
