from models.booking import Booking, BookingReminder
from models.customer import Customer
from models.social import SocialAccount, normalize_handle


def upcoming(session):
    return session.query(Booking).filter(Booking.status == "confirmed").all()


def link_account(session, customer: Customer, handle: str) -> SocialAccount:
    account = SocialAccount(handle=normalize_handle(handle))
    session.add(account)
    return account


def remind(session, booking: Booking) -> BookingReminder:
    return BookingReminder(booking_id=booking.id)
