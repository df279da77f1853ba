from canon.lead import BusinessSocialAccount as SocialAccount  # moved; still used in this module


class Special(SocialAccount):
    pass
