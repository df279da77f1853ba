from db.models.lead import CustomerSocialIdentity
from models.social import SocialAccount, normalize_handle


def link(handle):
    return SocialAccount(handle=normalize_handle(handle)), CustomerSocialIdentity
