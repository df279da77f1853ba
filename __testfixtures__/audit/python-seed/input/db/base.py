"""Declarative base shared by every model under db/models."""
from datetime import datetime

from sqlalchemy import Column, DateTime, func
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    """Adds created_at / updated_at; not a table of its own."""

    created_at = Column(DateTime(timezone=True), server_default=func.now(), nullable=False)
    updated_at = Column(DateTime(timezone=True), onupdate=func.now())


class SoftDeleteBase(Base):
    __abstract__ = True

    deleted_at = Column(DateTime(timezone=True), nullable=True)
