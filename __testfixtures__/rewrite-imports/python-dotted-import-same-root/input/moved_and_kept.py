import pkg.old


def make():
    return pkg.old.A(), pkg.old.keep()
