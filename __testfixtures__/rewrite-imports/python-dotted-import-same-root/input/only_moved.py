import pkg.old


def make(session):
    return session.query(pkg.old.A).all()
