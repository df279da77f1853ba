"""Booking models."""


class Booking:
    pass
