"""Booking workflows shared by the API routes and the reminder worker."""
from __future__ import annotations

import datetime as dt
from typing import List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

import models.booking
from models.customer import Customer as Cust

ACTIVE_STATUSES = ("pending", "confirmed")


class BookingError(ValueError):
    """A booking request that breaks a business rule."""


def find_or_create_customer(session: Session, email: str, full_name: str) -> Cust:
    email = email.strip().lower()
    customer = session.execute(select(Cust).where(Cust.email == email)).scalar_one_or_none()
    if customer is None:
        customer = Cust(email=email, full_name=full_name)
        session.add(customer)
    return customer


def create_booking(
    session: Session,
    customer: Cust,
    event_date: dt.date,
    guest_count: int,
    *,
    station_id: Optional[int] = None,
    special_requests: Optional[str] = None,
) -> models.booking.Booking:
    if guest_count < 1:
        raise BookingError("a booking needs at least one guest")
    if event_date < dt.date.today():
        raise BookingError("the event date is in the past")
    booking = models.booking.Booking(
        event_date=event_date,
        guest_count=guest_count,
        station_id=station_id,
        special_requests=special_requests,
        status="pending",
    )
    session.add(booking)
    booking.customer = customer  # after add(): no cascade through the backref (SQLAlchemy 2.0 semantics)
    return booking


def cancel_booking(booking: models.booking.Booking, reason: str, today: Optional[dt.date] = None) -> models.booking.Booking:
    if not booking.is_cancellable(today):
        raise BookingError(f"booking {booking.id} can no longer be cancelled")
    booking.status = "cancelled"
    booking.cancel_reason = reason
    return booking


def upcoming_bookings(session: Session, today: dt.date, days: int = 7) -> List[models.booking.Booking]:
    """Active bookings whose event falls in the next ``days`` days."""
    stmt = (
        select(models.booking.Booking)
        .where(models.booking.Booking.event_date.between(today, today + dt.timedelta(days=days)))
        .where(models.booking.Booking.status.in_(ACTIVE_STATUSES))
        .order_by(models.booking.Booking.event_date)
    )
    return list(session.execute(stmt).scalars())
