from acme import legacy
import acme.core.models

__all__ = ["legacy", "make"]


def make():
    return acme.core.models.Booking()
