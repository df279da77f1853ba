from db.models import ApiUser, OAuthAccount


def login(session, email: str) -> ApiUser:
    return session.query(ApiUser).filter_by(email=email).one()


def accounts(session, user: ApiUser):
    return session.query(OAuthAccount).filter_by(user_id=user.id).all()
