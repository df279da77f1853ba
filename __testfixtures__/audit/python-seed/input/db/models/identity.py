from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import relationship

from db.base import Base, SoftDeleteBase


class ApiUser(SoftDeleteBase):
    __tablename__ = "api_users"
    __table_args__ = {"schema": "identity"}

    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False, unique=True)
    is_active = Column(Boolean, default=True)


class OAuthAccount(Base):
    """Google / Microsoft login accounts."""

    __tablename__ = "social_accounts"
    __table_args__ = (
        UniqueConstraint("provider", "provider_user_id"),
        {"schema": "identity"},
    )

    id = Column(Integer, primary_key=True)
    # seed 003: the table is api_users, not users
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    provider = Column(String(32), nullable=False)
    provider_user_id = Column(String(255), nullable=False)

    user = relationship("ApiUser")
