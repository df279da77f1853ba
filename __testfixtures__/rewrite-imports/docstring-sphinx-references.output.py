"""Bookings API.

See :class:`db.models.core.Booking` and :py:class:`~db.models.core.BookingStatus`; the module is
:mod:`db.models.core`, an explicit title :func:`the app <db.models.core.create_app>`, and the default
role `db.models.core.Booking.table`.
"""
from db.models.core import Booking


def total(booking):
    """Sum of a :class:`db.models.core.Booking`.

    ``models.booking.Booking`` is a literal, left (and listed), as is plain text: models.booking.Booking.
    A name the canonical module lacks stays: :func:`models.booking.legacy_helper`.
    """
    message = "use :class:`models.booking.Booking`"
    return Booking, message
