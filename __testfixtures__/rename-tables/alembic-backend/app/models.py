from sqlalchemy import Column, ForeignKey, Index, Integer, Numeric, String, Table
from sqlalchemy.orm import relationship

from app.db import Base

user_tags = Table(
    "user_tags",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id"), primary_key=True),
)


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False, unique=True)
    name = Column(String(100), index=True)
    tags = relationship("Tag", secondary="user_tags")


class Tag(Base):
    __tablename__ = "tags"

    id = Column(Integer, primary_key=True)
    label = Column(String(50), nullable=False)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_user_total", "user_id", "total"),)

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False, index=True)
    total = Column(Numeric(10, 2), nullable=False)
    user = relationship("User")


class StationUser(Base):
    """A table whose name holds another's: its objects keep their names."""

    __tablename__ = "station_users"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False, index=True)
