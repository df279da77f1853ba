from acme import legacy
import acme.core.models


def make():
    return acme.core.models.Booking(), legacy.VERSION
