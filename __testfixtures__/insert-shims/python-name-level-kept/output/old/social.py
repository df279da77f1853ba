# moved; still used in this module
# pylint: disable-next=wrong-import-position
from canon.lead import BusinessSocialAccount as SocialAccount  # noqa: E402


class Special(SocialAccount):
    pass


SocialIdentity = type("SocialIdentity", (), {})
DEFAULT = SocialAccount
