"""RBAC models (legacy). DEPRECATED: use ``db.models.identity`` (same ``roles``/``permissions`` tables)."""
from sqlalchemy import Column, Integer, String

from db.base import Base


class Role(Base):
    __tablename__ = "roles"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), unique=True, nullable=False)
    description = Column(String(255))


class Permission(Base):
    __tablename__ = "permissions"

    id = Column(Integer, primary_key=True)
    code = Column(String(80), unique=True, nullable=False)
    description = Column(String(255))
