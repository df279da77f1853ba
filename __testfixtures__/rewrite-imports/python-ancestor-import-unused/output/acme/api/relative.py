import acme.core.models


def make():
    return acme.core.models.Booking()
