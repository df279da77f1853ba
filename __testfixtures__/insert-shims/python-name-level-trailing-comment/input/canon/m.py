def moved():
    return 3
