from acme import legacy


def make():
    return legacy.models.Booking(), legacy.VERSION
