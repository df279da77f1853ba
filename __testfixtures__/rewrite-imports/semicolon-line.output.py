from models.social import normalize_handle; from db.models.lead import BusinessSocialAccount; print(BusinessSocialAccount)


def f():
    from models.social import normalize_handle; from db.models.lead import BusinessSocialAccount; return BusinessSocialAccount
