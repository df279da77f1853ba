"""Customer model (legacy).

DEPRECATED: duplicate of ``db.models.core.Customer`` - both map ``customers``.
"""
from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text, func
from sqlalchemy.orm import relationship

from db.base import Base


class Customer(Base):
    __tablename__ = "customers"

    id = Column(Integer, primary_key=True, index=True)
    email = Column(String(255), unique=True, nullable=False)
    full_name = Column(String(200), nullable=False)
    phone = Column(String(32))
    city = Column(String(100))
    marketing_opt_in = Column(Boolean, default=False)
    notes = Column(Text)
    created_at = Column(DateTime(timezone=True), server_default=func.now())

    bookings = relationship("Booking", back_populates="customer")
    escalations = relationship("Escalation", back_populates="customer")

    @property
    def display_name(self):
        return self.full_name or self.email
