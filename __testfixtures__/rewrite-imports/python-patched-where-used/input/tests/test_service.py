from unittest import mock

import app.service


@mock.patch("app.service.Booking")
def test_book(fake):
    assert app.service.book() is fake.return_value


def test_patch_object():
    with mock.patch.object(app.service, "Booking") as fake:
        assert app.service.book() is fake.return_value
