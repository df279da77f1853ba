import m.a


def f():
    return m.a.X(), m.a.X()
