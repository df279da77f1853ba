"""Booking endpoints."""
from __future__ import annotations

from typing import List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models.core import Chef
from models.booking import Booking

from ..deps import PermissionDenied, current_user, require_station_access


def serialize(booking: Booking) -> dict:
    return {
        "id": booking.id,
        "event_date": booking.event_date.isoformat(),
        "guest_count": booking.guest_count,
        "status": booking.status,
        "chef_id": booking.chef_id,
    }


def list_bookings(session: Session, user_id: int, station_id: int, status: Optional[str] = None) -> List[dict]:
    user = current_user(session, user_id)
    require_station_access(session, user, station_id)
    stmt = select(Booking).where(Booking.station_id == station_id)
    if status:
        stmt = stmt.where(Booking.status == status)
    return [serialize(b) for b in session.execute(stmt.order_by(Booking.event_date)).scalars()]


def assign_chef(session: Session, user_id: int, booking_id: int, chef_id: int) -> dict:
    booking = session.get(Booking, booking_id)
    chef = session.get(Chef, chef_id)
    if booking is None or chef is None:
        raise LookupError("no such booking or chef")
    require_station_access(session, current_user(session, user_id), booking.station_id)
    if chef.station_id != booking.station_id:
        raise PermissionDenied("the chef works at another station")
    booking.chef_id = chef.id
    return serialize(booking)


def booking_detail(session: Session, booking_id: int) -> dict:
    from models.social import CustomerReview  # local import: reviews are optional in this view

    booking = session.get(Booking, booking_id)
    if booking is None:
        raise LookupError(f"no booking {booking_id}")
    reviews = session.execute(select(CustomerReview).where(CustomerReview.booking_id == booking_id)).scalars()
    return {**serialize(booking), "ratings": [r.rating for r in reviews]}
