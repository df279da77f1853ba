# moved; still used in this module
from canon.lead import BusinessSocialAccount as SocialAccount


class Special(SocialAccount):
    pass


SocialIdentity = type("SocialIdentity", (), {})
DEFAULT = SocialAccount
