"""Legacy booking model (classic declarative style)."""
from sqlalchemy import Column, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import relationship

from db.base import Base


class Booking(Base):
    __tablename__ = "bookings"
    __table_args__ = {"extend_existing": True}

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False)
    event_date = Column(Date, nullable=False)
    guests = Column(Integer, default=10)
    deposit = Column(Numeric(10, 2))
    status = Column(String(20), default="pending")
    notes = Column(Text)

    customer = relationship("Customer")
    reminders = relationship("BookingReminder", back_populates="booking")


class BookingReminder(Base):
    __tablename__ = "booking_reminders"

    id = Column(Integer, primary_key=True)
    booking_id = Column(Integer, ForeignKey("bookings.id"))
    send_at = Column(Date)

    booking = relationship("Booking", back_populates="reminders")
