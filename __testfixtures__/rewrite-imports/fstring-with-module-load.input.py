import importlib

name = "Booking"
A = f"models.booking.{name}"
B = f"{importlib.import_module('models.booking')}"
C = f"see models.booking for {name}"
