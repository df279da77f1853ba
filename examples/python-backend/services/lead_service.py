"""Lead scoring and conversion into customers."""
from __future__ import annotations

from typing import Optional

from sqlalchemy.orm import Session

from models import lead as lead_models
from services.booking_service import find_or_create_customer

SOURCE_WEIGHTS = {"website": 30, "instagram": 20, "facebook": 15, "phone": 40}


def score_lead(lead: lead_models.Lead) -> int:
    score = SOURCE_WEIGHTS.get(lead.source, 10)
    score += 20 if lead.email else 0
    score += 20 if lead.phone else 0
    return min(score, 100)


def create_lead(
    session: Session, *, source: str, name: Optional[str] = None, email: Optional[str] = None, phone: Optional[str] = None
) -> lead_models.Lead:
    lead = lead_models.Lead(source=source, name=name, email=email, phone=phone, status="new")
    lead.score = score_lead(lead)
    session.add(lead)
    return lead


def convert_to_customer(session: Session, lead: lead_models.Lead):
    if not lead.email:
        raise ValueError("a lead needs an e-mail address to become a customer")
    customer = find_or_create_customer(session, lead.email, lead.name or lead.email)
    lead.status = "won"
    return customer
