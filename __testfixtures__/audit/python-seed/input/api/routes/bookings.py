from db.models.core import Booking as CanonicalBooking
from db.models.lead import Lead
from models import booking

from ...services.booking_service import upcoming


def list_bookings(session):
    legacy = session.query(booking.Booking).count()
    return {"legacy": legacy, "items": upcoming(session), "canonical": session.query(CanonicalBooking).count(), "leads": session.query(Lead).count()}
