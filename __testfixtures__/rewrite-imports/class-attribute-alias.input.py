from models.social import SocialAccount


class Registry:
    SocialAccount = SocialAccount
    account_type = SocialAccount

    def build(self):
        return SocialAccount()
