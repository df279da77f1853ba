from sqlalchemy import Column, ForeignKey, Integer, String, Table

from db.base import Base

booking_tags = Table(
    "booking_tags",
    Base.metadata,
    Column("booking_id", Integer, ForeignKey("bookings.id"), primary_key=True),
    Column("tag", String(40), primary_key=True),
)
