import db.models.lead


def accounts(session):
    return session.query(db.models.lead.BusinessSocialAccount).all()
