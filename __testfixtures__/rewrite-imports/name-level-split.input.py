from models.social import SocialAccount, normalize_handle, CustomerReview


def link(handle):
    account = SocialAccount(handle=normalize_handle(handle))
    return account, CustomerReview
