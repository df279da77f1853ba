from acme import legacy  # noqa: F401
import acme.core.models


def make():
    return acme.core.models.Booking()
