import models.social


def link(handle):
    return models.social.SocialAccount(handle=models.social.normalize_handle(handle))
