"""Reminder worker: e-mails customers two days before their event."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Callable, List

from sqlalchemy import select
from sqlalchemy.orm import Session

import models.customer as customer_models
import models.review
from db.models.identity import User
from services.booking_service import upcoming_bookings

# Historical logger and metric names. They look like module paths but are not
# ("models.bookings", "models.bookingx"): they must never be rewritten.
log = logging.getLogger("models.bookings")
METRIC_NAMESPACE = "models.bookingx"

REMINDER_DAYS = 2


def reminder_text(customer: customer_models.Customer, event_date: dt.date) -> str:
    return f"Hi {customer.display_name}, see you on {event_date:%A %d %B}!"


def send_due_reminders(session: Session, send: Callable[[str, str], None], today: dt.date = None) -> int:
    today = today or dt.date.today()
    sent = 0
    for booking in upcoming_bookings(session, today, days=REMINDER_DAYS):
        if booking.reminder_sent_at is not None:
            continue
        customer = session.get(customer_models.Customer, booking.customer_id)
        if customer is None:
            log.warning("booking %s has no customer", booking.id)
            continue
        send(customer.email, reminder_text(customer, booking.event_date))
        booking.reminder_sent_at = dt.datetime.now(dt.timezone.utc)
        sent += 1
    log.info("%s.sent=%d", METRIC_NAMESPACE, sent)
    return sent


def testimonials_to_approve(session: Session) -> List[models.review.CustomerReviewBlogPost]:
    """Blog testimonials waiting for an admin (not a duplicate model: stays in models.review)."""
    stmt = select(models.review.CustomerReviewBlogPost).where(models.review.CustomerReviewBlogPost.approved.is_(False))
    return list(session.execute(stmt).scalars())


def admins_to_notify(session: Session) -> List[str]:
    stmt = select(User.email).where(User.is_superuser.is_(True), User.is_active.is_(True))
    return list(session.execute(stmt).scalars())
