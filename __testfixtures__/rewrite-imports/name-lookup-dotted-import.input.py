from unittest import mock

import core.auth.station_models
import models.booking
import models.social


def test_patch(monkeypatch):
    monkeypatch.setattr(core.auth.station_models, "UserStationAssignment", None)
    with mock.patch.object(core.auth.station_models, "UserStationAssignment"):
        pass
    assert hasattr(models.booking, "Booking")
    getattr(models.social, "SocialAccount")
    return getattr(core.auth.station_models, "Station")
