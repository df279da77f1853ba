import pkg.old
import pkg.new


def make():
    return pkg.new.A(), pkg.old.keep()
