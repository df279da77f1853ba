import m.old
from m import old as legacy


def f():
    return m.old.X(), legacy.X()
