import app.schemas.canon as canon_module


def f():
    return [canon_module.A() for app in range(3)]
