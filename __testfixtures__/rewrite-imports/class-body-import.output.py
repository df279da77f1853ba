class Admin:
    from db.models.identity import StationUser as UserStationAssignment

    def model(self):
        return self.UserStationAssignment
