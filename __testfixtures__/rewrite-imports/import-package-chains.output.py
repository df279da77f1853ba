import models.social
import db.models.lead


def link(handle):
    return db.models.lead.BusinessSocialAccount(handle=models.social.normalize_handle(handle))
