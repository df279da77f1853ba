from db.models.lead import BusinessSocialAccount


class Registry:
    SocialAccount = BusinessSocialAccount
    account_type = SocialAccount

    def build(self):
        return BusinessSocialAccount()
