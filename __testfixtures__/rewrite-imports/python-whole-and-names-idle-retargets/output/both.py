import m.b
import m.a
from m import b as legacy


def f():
    return m.a.X(), m.b.keep(), m.a.X(), legacy.keep()
