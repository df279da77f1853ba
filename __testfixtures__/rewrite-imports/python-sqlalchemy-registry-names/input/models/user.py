from sqlalchemy import Column, Integer
from sqlalchemy.orm import backref, relationship

from db.base import Base


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    # SQLAlchemy finds these classes by name in its registry: no import needed
    bookings = relationship("Booking", back_populates="user", order_by="Booking.id")
    first_booking = relationship(
        "Booking",
        primaryjoin="and_(User.id == Booking.user_id, Booking.id == 1)",
        viewonly=True,
        uselist=False,
    )
    latest = relationship("Booking", viewonly=True, backref=backref("owner", order_by="desc(Booking.id)"))


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    # neither a registry argument nor a class name: left as they are
    label = Column(Integer, doc="Booking")
    friends = relationship("User", primaryjoin="foreign(Customer.id) == User.id", viewonly=True, info={"see": "Booking"})
