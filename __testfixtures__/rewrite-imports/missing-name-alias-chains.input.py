"""Module bindings whose every chain names what the canonical module lacks: nothing moves."""
import models.booking as mb
from models import booking as booking_module
from models import booking


def helpers():
    return mb.legacy_helper, booking_module.legacy_helper(), booking.legacy_helper


class Uses:
    def mixed(self):
        # a binding with one chain that moves keeps its retarget
        from models import booking as moving

        return moving.legacy_helper, moving.Booking
