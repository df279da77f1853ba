from .. import legacy


def make():
    return legacy.models.Booking()
