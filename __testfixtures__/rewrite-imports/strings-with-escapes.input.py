"""Bookings live in models.booking.Booking.\n

Tab\there: nothing else.
"""
MSG = "see models.social first,\tthen models.customer"
RAW = b"models.booking.Booking"
NOTE = "models.social keeps the social models\n"
PLAIN = "models.social first, then models.customer"
FORMATTED = f"models.social {NOTE}"
LINES = "first line\nmodels.booking.Booking on the next"
