import db.models.core
import models.booking
import models.booking as mb
from unittest import mock

print(models.booking.legacy_helper, mb.legacy_helper, db.models.core.Booking)
mock.patch("models.booking.legacy_helper")
