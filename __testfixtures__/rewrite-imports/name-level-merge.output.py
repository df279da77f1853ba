from db.models.lead import BusinessSocialAccount, CustomerSocialIdentity
from models.social import normalize_handle


def link(handle):
    return BusinessSocialAccount(handle=normalize_handle(handle)), CustomerSocialIdentity
