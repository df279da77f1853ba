from unittest import mock

from core.auth import station_models
from models import social


def test_it(monkeypatch):
    with mock.patch.object(station_models, "UserStationAssignment") as fake:
        assert getattr(station_models, "UserStationAssignment") is fake
        assert hasattr(station_models, "Station")
    monkeypatch.setattr(station_models, "UserStationAssignment", None)
    # a name that moves to another module than the one the binding now names
    monkeypatch.setattr(social, "SocialAccount", None)
    assert getattr(social, "normalize_handle")
    assert getattr(social, name_from_elsewhere)
