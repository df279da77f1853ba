"""Two tables named social_accounts: OAuth logins in schema `identity`, business accounts in the default schema."""
from sqlalchemy import Column, ForeignKey, Integer, String

from app.db import Base


class OAuthAccount(Base):
    __tablename__ = "social_accounts"
    __table_args__ = {"schema": "identity"}

    id = Column(Integer, primary_key=True)
    provider = Column(String(50), nullable=False)
    subject = Column(String(100), nullable=False, index=True)


class OAuthToken(Base):
    __tablename__ = "oauth_tokens"
    __table_args__ = {"schema": "identity"}

    id = Column(Integer, primary_key=True)
    account_id = Column(Integer, ForeignKey("identity.social_accounts.id"), nullable=False)


class BusinessAccount(Base):
    __tablename__ = "social_accounts"

    id = Column(Integer, primary_key=True)
    handle = Column(String(100), nullable=False, unique=True)


class Post(Base):
    __tablename__ = "posts"

    id = Column(Integer, primary_key=True)
    account_id = Column(Integer, ForeignKey("social_accounts.id"), nullable=False, index=True)
