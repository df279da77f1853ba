from app.schemas import core


def f():
    return [core.A() for app in range(3)]
