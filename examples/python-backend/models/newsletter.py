"""Newsletter models (legacy). DEPRECATED: use ``db.models.newsletter`` (same tables)."""
from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text, func

from db.base import Base


class Campaign(Base):
    __tablename__ = "campaigns"

    id = Column(Integer, primary_key=True)
    name = Column(String(200), nullable=False)
    channel = Column(String(10), default="email")
    subject = Column(String(255))
    body = Column(Text, nullable=False)
    status = Column(String(20), default="draft")
    scheduled_at = Column(DateTime(timezone=True))
    sent_at = Column(DateTime(timezone=True))
    sent_count = Column(Integer, default=0)
    created_at = Column(DateTime(timezone=True), server_default=func.now())


class Subscriber(Base):
    __tablename__ = "subscribers"

    id = Column(Integer, primary_key=True)
    email = Column(String(255), unique=True)
    phone = Column(String(32), unique=True)
    customer_id = Column(Integer)
    subscribed = Column(Boolean, default=True)
    sms_opt_in = Column(Boolean, default=False)
    unsubscribed_at = Column(DateTime(timezone=True))

    def accepts(self, channel):
        if not self.subscribed:
            return False
        return bool(self.email) if channel == "email" else bool(self.phone and self.sms_opt_in)
