class X:
    pass
