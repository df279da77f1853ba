from acme import legacy  # noqa: F401


def make():
    return legacy.models.Booking()
