from pkg import other, old


def new():
    return old.X, other.Y
