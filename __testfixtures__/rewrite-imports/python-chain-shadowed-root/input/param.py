from app.schemas import core


def create(app):
    return core.A(), core.B(), app
