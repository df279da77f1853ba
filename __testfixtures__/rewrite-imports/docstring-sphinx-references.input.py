"""Bookings API.

See :class:`models.booking.Booking` and :py:class:`~models.booking.BookingStatus`; the module is
:mod:`models.booking`, an explicit title :func:`the app <models.booking.create_app>`, and the default
role `models.booking.Booking.table`.
"""
from models.booking import Booking


def total(booking):
    """Sum of a :class:`models.booking.Booking`.

    ``models.booking.Booking`` is a literal, left (and listed), as is plain text: models.booking.Booking.
    A name the canonical module lacks stays: :func:`models.booking.legacy_helper`.
    """
    message = "use :class:`models.booking.Booking`"
    return Booking, message
