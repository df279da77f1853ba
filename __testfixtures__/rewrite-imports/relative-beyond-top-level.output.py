# `...` from app/sub/consumer.py climbs above the top-level package `app`: Python raises ImportError, so
# remodel cannot tell what it names and leaves it alone; `..` is `app` itself
from ...models.booking import Booking
from ..ext import db

print(Booking, db)
