from acme.core import models as legacy_models  # the old module, bound twice


def make():
    return legacy_models.Booking(), legacy_models.Booking
