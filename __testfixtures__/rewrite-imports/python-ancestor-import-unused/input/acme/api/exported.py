from acme import legacy

__all__ = ["legacy", "make"]


def make():
    return legacy.models.Booking()
