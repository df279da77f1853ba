from platform_core.persistence.canonical_models import Booking


def one():
    return Booking()
