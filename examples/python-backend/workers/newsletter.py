"""Newsletter worker: sends scheduled campaigns to their subscribers.

This file is saved with CRLF line endings.
"""
import datetime as dt
from typing import Callable, List

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.newsletter import Campaign, Subscriber


def due_campaigns(session: Session, now: dt.datetime) -> List[Campaign]:
    stmt = select(Campaign).where(Campaign.status == "scheduled", Campaign.scheduled_at <= now)
    return list(session.execute(stmt).scalars())


def audience(session: Session, campaign: Campaign) -> List[Subscriber]:
    subscribers = session.execute(select(Subscriber).where(Subscriber.subscribed.is_(True))).scalars()
    return [s for s in subscribers if s.accepts(campaign.channel)]


def send_campaign(session: Session, campaign: Campaign, transport: Callable[[str, str], None], now: dt.datetime = None) -> int:
    sent = 0
    for subscriber in audience(session, campaign):
        transport(subscriber.email if campaign.channel == "email" else subscriber.phone, campaign.body)
        sent += 1
    campaign.status = "sent"
    campaign.sent_at = now or dt.datetime.now(dt.timezone.utc)
    campaign.sent_count = sent
    return sent
