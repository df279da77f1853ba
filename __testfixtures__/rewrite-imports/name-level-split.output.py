from models.social import normalize_handle
from db.models.lead import BusinessSocialAccount
from db.models.feedback_marketing import CustomerReview


def link(handle):
    account = BusinessSocialAccount(handle=normalize_handle(handle))
    return account, CustomerReview
