from unittest import mock


@mock.patch("models.booking.Booking")
@mock.patch("models.booking.Booking.save")
@mock.patch('core.auth.station_models.UserStationAssignment')
def test_it(a, b, c):
    mock.patch.object(__import__("models.booking"), "Booking")
    relationship = ("models.customer.Customer", "models.social.SocialAccount")
    untouched = ("models.bookings", "models.bookingx", "models.social.normalize_handle", "models.social")
    module_path = "models.booking"
    return relationship, untouched, module_path
