import db.models.lead


def describe(session):
    return "accounts: %s" % session.query(db.models.lead.BusinessSocialAccount).count()
