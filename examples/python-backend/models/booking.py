"""Booking model (legacy).

DEPRECATED: duplicate of ``db.models.core.Booking`` - both map ``bookings``.
"""
import datetime as dt

from sqlalchemy import Column, Date, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import relationship

from db.base import Base


class Booking(Base):
    __tablename__ = "bookings"

    id = Column(Integer, primary_key=True, index=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False)
    chef_id = Column(Integer)  # no FK here: chefs only exist in db.models.core
    station_id = Column(Integer)
    event_date = Column(Date, nullable=False)
    event_time = Column(String(5))
    guest_count = Column(Integer, default=2)
    status = Column(String(20), default="pending")
    total_cents = Column(Integer, default=0)
    deposit_cents = Column(Integer, default=0)
    special_requests = Column(Text)
    cancel_reason = Column(Text)
    venue_address = Column(Text)  # legacy: moved to the customer's address book
    reminder_sent_at = Column(DateTime(timezone=True))
    created_at = Column(DateTime(timezone=True), server_default=func.now())
    updated_at = Column(DateTime(timezone=True), onupdate=func.now())

    customer = relationship("Customer", back_populates="bookings")

    def is_cancellable(self, today=None):
        today = today or dt.date.today()
        if self.status not in ("pending", "confirmed"):
            return False
        return (self.event_date - today).days >= 2
