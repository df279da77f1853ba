from models.social import SocialAccount, normalize_handle; print(SocialAccount)


def f():
    from models.social import SocialAccount, normalize_handle; return SocialAccount
