# the canonical model reads the shop's settings at import time: a cycle once shop.orders imports it
from shop.orders import DEFAULT_STATUS


class Booking:
    status = DEFAULT_STATUS
