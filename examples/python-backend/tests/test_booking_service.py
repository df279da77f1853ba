"""Unit tests for services.booking_service (no database: sessions are mocks).

Run from examples/python-backend: python3 -m unittest tests.test_booking_service
"""
import datetime as dt
import unittest
from unittest import mock
from unittest.mock import MagicMock, patch

from models.booking import Booking
from services import booking_service


def in_days(n):
    return dt.date.today() + dt.timedelta(days=n)


class CreateBookingTest(unittest.TestCase):
    @patch("models.booking.Booking")
    def test_adds_the_new_booking_to_the_session(self, booking_cls):
        session, customer = MagicMock(), MagicMock()
        result = booking_service.create_booking(session, customer, in_days(10), 8)
        booking_cls.assert_called_once_with(
            event_date=in_days(10), guest_count=8, station_id=None, special_requests=None, status="pending"
        )
        session.add.assert_called_once_with(booking_cls.return_value)
        self.assertIs(result, booking_cls.return_value)
        self.assertIs(result.customer, customer)

    def test_rejects_an_empty_party(self):
        with self.assertRaises(booking_service.BookingError):
            booking_service.create_booking(MagicMock(), MagicMock(), in_days(10), 0)


class CancelBookingTest(unittest.TestCase):
    def test_sets_status_and_reason(self):
        booking = Booking(status="confirmed", event_date=in_days(30))
        booking_service.cancel_booking(booking, "rain")
        self.assertEqual((booking.status, booking.cancel_reason), ("cancelled", "rain"))

    def test_refuses_when_the_model_says_no(self):
        with patch.object(Booking, "is_cancellable", return_value=False) as is_cancellable:
            with self.assertRaises(booking_service.BookingError):
                booking_service.cancel_booking(Booking(status="confirmed", event_date=in_days(30)), "too late")
        is_cancellable.assert_called_once_with(None)

    @mock.patch("models.booking.Booking.is_cancellable", return_value=True)
    def test_asks_the_model(self, is_cancellable):
        booking = booking_service.cancel_booking(Booking(status="pending", event_date=in_days(1)), "moved")
        self.assertEqual(booking.status, "cancelled")
        is_cancellable.assert_called_once()


class FindOrCreateCustomerTest(unittest.TestCase):
    @patch("services.booking_service.select")
    @patch("services.booking_service.Cust")
    def test_creates_a_missing_customer(self, cust_cls, _select):
        session = MagicMock()
        session.execute.return_value.scalar_one_or_none.return_value = None
        customer = booking_service.find_or_create_customer(session, " Ana@Example.com ", "Ana")
        cust_cls.assert_called_once_with(email="ana@example.com", full_name="Ana")
        session.add.assert_called_once_with(customer)


if __name__ == "__main__":
    unittest.main()
