class X:
    pass


def keep():
    return 1
