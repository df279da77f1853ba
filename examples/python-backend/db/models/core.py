"""Core business entities: bookings, customers, chefs and customer support messages.

Canonical home of ``Booking`` and ``Customer`` (the legacy twins in
``models/booking.py`` and ``models/customer.py`` map the same tables).
"""
import datetime as dt
from typing import Optional

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import relationship

from db.base import Base, TimestampMixin

BOOKING_STATUSES = ("pending", "confirmed", "completed", "cancelled")


class Booking(TimestampMixin, Base):
    __tablename__ = "bookings"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False, index=True)
    chef_id = Column(Integer, ForeignKey("chefs.id"), index=True)
    station_id = Column(Integer, ForeignKey("stations.id"), index=True)
    event_date = Column(Date, nullable=False, index=True)
    event_time = Column(String(5))  # "18:30"
    guest_count = Column(Integer, nullable=False, default=2)
    status = Column(String(20), nullable=False, default="pending")
    total_cents = Column(Integer, nullable=False, default=0)
    deposit_cents = Column(Integer, nullable=False, default=0)
    special_requests = Column(Text)
    cancel_reason = Column(Text)
    reminder_sent_at = Column(DateTime(timezone=True))

    customer = relationship("Customer", back_populates="bookings")
    chef = relationship("Chef", back_populates="bookings")
    station = relationship("Station")
    escalations = relationship("Escalation", back_populates="booking")

    def is_cancellable(self, today: Optional[dt.date] = None) -> bool:
        """Bookings can be cancelled until two days before the event."""
        today = today or dt.date.today()
        return self.status in ("pending", "confirmed") and (self.event_date - today).days >= 2

    def __repr__(self) -> str:
        return f"<Booking {self.id} {self.event_date} {self.status}>"


class Customer(TimestampMixin, Base):
    __tablename__ = "customers"

    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False, unique=True, index=True)
    full_name = Column(String(200), nullable=False)
    phone = Column(String(32))
    city = Column(String(100))
    marketing_opt_in = Column(Boolean, nullable=False, default=False)
    notes = Column(Text)

    bookings = relationship("Booking", back_populates="customer", order_by="Booking.event_date")
    escalations = relationship("Escalation", back_populates="customer")
    social_identities = relationship("CustomerSocialIdentity", back_populates="customer")

    @property
    def display_name(self) -> str:
        return self.full_name or self.email

    def __repr__(self) -> str:
        return f"<Customer {self.id} {self.email}>"


class Chef(TimestampMixin, Base):
    __tablename__ = "chefs"

    id = Column(Integer, primary_key=True)
    full_name = Column(String(200), nullable=False)
    station_id = Column(Integer, ForeignKey("stations.id"), index=True)
    hourly_rate_cents = Column(Integer, nullable=False, default=0)
    is_active = Column(Boolean, nullable=False, default=True)

    station = relationship("Station")
    bookings = relationship("Booking", back_populates="chef")


class MessageThread(Base):
    """A customer support conversation (table to be renamed ``customer_message_threads``)."""

    __tablename__ = "message_threads"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), index=True)
    booking_id = Column(Integer, ForeignKey("bookings.id"), index=True)
    channel = Column(String(20), nullable=False, default="email")
    subject = Column(String(255))
    is_open = Column(Boolean, nullable=False, default=True)
    last_message_at = Column(DateTime(timezone=True), server_default=func.now())

    customer = relationship("Customer")
    messages = relationship("Message", back_populates="thread", order_by="Message.sent_at")


class Message(Base):
    """One message of a support thread (table to be renamed ``customer_messages``)."""

    __tablename__ = "messages"

    id = Column(Integer, primary_key=True)
    thread_id = Column(Integer, ForeignKey("message_threads.id"), nullable=False, index=True)
    direction = Column(String(8), nullable=False)  # "in" | "out"
    body = Column(Text, nullable=False)
    sent_at = Column(DateTime(timezone=True), server_default=func.now(), nullable=False)

    thread = relationship("MessageThread", back_populates="messages")
