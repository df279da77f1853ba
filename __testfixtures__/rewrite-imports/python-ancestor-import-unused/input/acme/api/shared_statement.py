from acme import core, legacy


def make():
    return legacy.models.Booking(), core
