from pkg import other, new as old


def new():
    return old.X, other.Y
