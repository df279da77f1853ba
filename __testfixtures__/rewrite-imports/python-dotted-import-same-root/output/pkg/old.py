class A:
    pass


def keep():
    return 1
