from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import List, Optional

from sqlalchemy import ForeignKey, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, TimestampMixin


class Customer(TimestampMixin, Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    phone: Mapped[Optional[str]]
    name: Mapped[str] = mapped_column(String(120))

    bookings: Mapped[List["Booking"]] = relationship(back_populates="customer")


class Booking(TimestampMixin, Base):
    """The booking of an event: one customer, one date, one chef."""

    __tablename__ = "bookings"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"))
    event_date: Mapped[date]
    guests: Mapped[int] = mapped_column(default=10)
    deposit: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    status: Mapped[str] = mapped_column(String(20), default="pending")

    customer: Mapped["Customer"] = relationship(back_populates="bookings")
