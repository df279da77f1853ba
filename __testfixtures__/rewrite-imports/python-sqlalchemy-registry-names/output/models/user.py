from sqlalchemy import Column, Integer
from sqlalchemy.orm import backref, relationship

from db.base import Base


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    # SQLAlchemy finds these classes by name in its registry: no import needed
    bookings = relationship("BookingModel", back_populates="user", order_by="BookingModel.id")
    first_booking = relationship(
        "BookingModel",
        primaryjoin="and_(User.id == BookingModel.user_id, BookingModel.id == 1)",
        viewonly=True,
        uselist=False,
    )
    latest = relationship("BookingModel", viewonly=True, backref=backref("owner", order_by="desc(BookingModel.id)"))


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    # neither a registry argument nor a class name: left as they are
    label = Column(Integer, doc="Booking")
    friends = relationship("User", primaryjoin="foreign(Customer.id) == User.id", viewonly=True, info={"see": "Booking"})
