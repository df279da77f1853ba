from acme import legacy
from acme.legacy import models as legacy_models  # the old module, bound twice


def make():
    return legacy.models.Booking(), legacy_models.Booking
