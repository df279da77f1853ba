class Admin:
    from core.auth.station_models import UserStationAssignment

    def model(self):
        return self.UserStationAssignment
