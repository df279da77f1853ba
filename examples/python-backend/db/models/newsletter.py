"""Newsletter and SMS campaigns (canonical; legacy twin: ``models/newsletter.py``)."""
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import relationship

from db.base import Base, TimestampMixin

CHANNELS = ("email", "sms")


class Campaign(TimestampMixin, Base):
    __tablename__ = "campaigns"

    id = Column(Integer, primary_key=True)
    name = Column(String(200), nullable=False)
    channel = Column(String(10), nullable=False, default="email")
    subject = Column(String(255))
    body = Column(Text, nullable=False)
    status = Column(String(20), nullable=False, default="draft")  # draft | scheduled | sent
    scheduled_at = Column(DateTime(timezone=True))
    sent_at = Column(DateTime(timezone=True))
    sent_count = Column(Integer, nullable=False, default=0)

    @property
    def is_due(self) -> bool:
        return self.status == "scheduled" and self.scheduled_at is not None


class Subscriber(TimestampMixin, Base):
    __tablename__ = "subscribers"

    id = Column(Integer, primary_key=True)
    email = Column(String(255), unique=True)
    phone = Column(String(32), unique=True)
    customer_id = Column(Integer, ForeignKey("customers.id"))
    subscribed = Column(Boolean, nullable=False, default=True)
    sms_opt_in = Column(Boolean, nullable=False, default=False)
    unsubscribed_at = Column(DateTime(timezone=True))

    customer = relationship("Customer")

    def accepts(self, channel: str) -> bool:
        if not self.subscribed:
            return False
        return bool(self.email) if channel == "email" else bool(self.phone and self.sms_opt_in)
