from app.schemas import core
import app.schemas.canon as canon_module


def create(app):
    return canon_module.A(), core.B(), app
