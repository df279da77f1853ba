import importlib

stations = importlib.import_module("core.auth.station_models")
assignment = stations.UserStationAssignment()
bookings = importlib.import_module("db.models.core")
