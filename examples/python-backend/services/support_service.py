"""Support desk: escalations and recorded calls."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy.orm import Session

from models.escalation import \
    Escalation

try:  # call recording is an optional add-on (needs the telephony integration)
    from models.call_recording import CallRecording
except ImportError:  # pragma: no cover
    CallRecording = None

URGENT_WORDS = ("allergy", "injury", "refund", "no-show")


def escalate(
    session: Session, *, customer_id: int, reason: str, booking_id: Optional[int] = None, priority: Optional[str] = None
) -> Escalation:
    if priority is None:
        priority = "urgent" if any(word in reason.lower() for word in URGENT_WORDS) else "normal"
    escalation = Escalation(
        customer_id=customer_id, booking_id=booking_id, reason=reason, priority=priority, status="open"
    )
    session.add(escalation)
    return escalation


def resolve(escalation: Escalation, now: Optional[dt.datetime] = None) -> Escalation:
    escalation.status = "resolved"
    escalation.resolved_at = now or dt.datetime.now(dt.timezone.utc)
    return escalation


def attach_recording(session: Session, escalation: Escalation, url: str, duration_seconds: int) -> Optional[CallRecording]:
    if CallRecording is None:
        return None
    recording = CallRecording(
        escalation_id=escalation.id,
        customer_id=escalation.customer_id,
        recording_url=url,
        duration_seconds=duration_seconds,
    )
    session.add(recording)
    return recording
