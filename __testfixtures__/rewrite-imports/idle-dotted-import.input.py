import models.social


def accounts(session):
    return session.query(models.social.SocialAccount).all()
