from unittest import mock

from db.models import identity
from models import social


def test_it(monkeypatch):
    with mock.patch.object(identity, "StationUser") as fake:
        assert getattr(identity, "StationUser") is fake
        assert hasattr(identity, "Station")
    monkeypatch.setattr(identity, "StationUser", None)
    # a name that moves to another module than the one the binding now names
    monkeypatch.setattr(social, "SocialAccount", None)
    assert getattr(social, "normalize_handle")
    assert getattr(social, name_from_elsewhere)
