LIMIT = 3  # the limit, kept
# the moved function's own comment, which goes with it
def moved():
    return LIMIT


def stays():
    return LIMIT
