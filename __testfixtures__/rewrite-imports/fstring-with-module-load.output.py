import importlib

name = "Booking"
A = f"models.booking.{name}"
B = f"{importlib.import_module('db.models.core')}"
C = f"see models.booking for {name}"
