"""Escalation model (legacy). DEPRECATED: use ``db.models.support_communications.Escalation``."""
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import relationship

from db.base import Base


class Escalation(Base):
    __tablename__ = "escalations"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False)
    booking_id = Column(Integer, ForeignKey("bookings.id"))
    reason = Column(Text, nullable=False)
    priority = Column(String(10), default="normal")
    status = Column(String(20), default="open")
    resolved_at = Column(DateTime(timezone=True))
    created_at = Column(DateTime(timezone=True), server_default=func.now())

    customer = relationship("Customer", back_populates="escalations")
    booking = relationship("Booking")

    @property
    def is_open(self):
        return self.status != "resolved"
