from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, Numeric, String, Table, Text, UniqueConstraint, func
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
    phone = Column(String(20))  # planted: missing-column (no migration adds it)
    tags = relationship("Tag", secondary="user_tags")
    status = Column(String(20), nullable=False, server_default="active")  # planted: default-mismatch


class Tag(Base):
    __tablename__ = "tags"

    id = Column(Integer, primary_key=True)
    label = Column(Text, nullable=False, index=True)  # planted: type-mismatch, missing-index
    weight = Column(Integer, server_default="0")  # same default as the migration's alter_column
    priority = Column(Integer)  # planted: default-mismatch (the migration gives it one)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (Index("ix_orders_user_total", "user_id", "total"),)

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False, index=True)
    total = Column(Numeric(10, 2), nullable=True)  # planted: nullable-mismatch
    tag_id = Column(Integer, ForeignKey("tags.id"))  # planted: missing-fk (the migration adds the column only)
    user = relationship("User")
    created_at = Column(DateTime, server_default=func.now())  # the migration spells it text("CURRENT_TIMESTAMP")


class StationUser(Base):
    """A table whose name holds another's: its objects keep their names."""

    __tablename__ = "station_users"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False, index=True)


class Coupon(Base):
    """Planted: missing-table (no migration creates it)."""

    __tablename__ = "coupons"

    id = Column(Integer, primary_key=True)
    code = Column(String(32), nullable=False)
    __table_args__ = (UniqueConstraint("code", name="uq_coupons_code"),)
