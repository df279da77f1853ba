from db.models.lead import CustomerSocialIdentity, BusinessSocialAccount
from models.social import normalize_handle


def link(handle):
    return BusinessSocialAccount(handle=normalize_handle(handle)), CustomerSocialIdentity
