import pkg.new


def make(session):
    return session.query(pkg.new.A).all()
