import db.models.core
import models.booking
import db.models.core as mb
from unittest import mock

print(models.booking.legacy_helper, models.booking.legacy_helper, db.models.core.Booking)
mock.patch("models.booking.legacy_helper")
