from unittest import mock

import db.models.identity
import db.models.core
import models.social


def test_patch(monkeypatch):
    monkeypatch.setattr(db.models.identity, "StationUser", None)
    with mock.patch.object(db.models.identity, "StationUser"):
        pass
    assert hasattr(db.models.core, "Booking")
    getattr(models.social, "SocialAccount")
    return getattr(db.models.identity, "Station")
