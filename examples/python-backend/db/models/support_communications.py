"""Support escalations and recorded calls.

Canonical home of ``Escalation`` and ``CallRecording`` (legacy twins in
``models/escalation.py`` and ``models/call_recording.py``).
"""
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import relationship

from db.base import Base, TimestampMixin

PRIORITIES = ("low", "normal", "high", "urgent")


class Escalation(TimestampMixin, Base):
    __tablename__ = "escalations"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False, index=True)
    booking_id = Column(Integer, ForeignKey("bookings.id"), index=True)
    reason = Column(Text, nullable=False)
    priority = Column(String(10), nullable=False, default="normal")
    status = Column(String(20), nullable=False, default="open")  # open | assigned | resolved
    assigned_to_user_id = Column(Integer, ForeignKey("users.id"))
    resolved_at = Column(DateTime(timezone=True))

    customer = relationship("Customer", back_populates="escalations")
    booking = relationship("Booking", back_populates="escalations")
    recordings = relationship("CallRecording", back_populates="escalation")

    @property
    def is_open(self) -> bool:
        return self.status != "resolved"


class CallRecording(Base):
    __tablename__ = "call_recordings"

    id = Column(Integer, primary_key=True)
    escalation_id = Column(Integer, ForeignKey("escalations.id"), index=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), index=True)
    recording_url = Column(String(500), nullable=False)
    duration_seconds = Column(Integer, nullable=False, default=0)
    transcript = Column(Text)
    recorded_at = Column(DateTime(timezone=True))

    escalation = relationship("Escalation", back_populates="recordings")
