from unittest import mock


@mock.patch("db.models.core.Booking")
@mock.patch("db.models.core.Booking.save")
@mock.patch('db.models.identity.StationUser')
def test_it(a, b, c):
    mock.patch.object(__import__("db.models.core"), "Booking")
    relationship = ("db.models.core.Customer", "db.models.lead.BusinessSocialAccount")
    untouched = ("models.bookings", "models.bookingx", "models.social.normalize_handle", "models.social")
    module_path = "db.models.core"
    return relationship, untouched, module_path
