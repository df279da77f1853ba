import models.social


def describe(session):
    return "accounts: %s" % session.query(models.social.SocialAccount).count()
