import sqlalchemy as sa
from sqlalchemy import Column, ForeignKey, ForeignKeyConstraint, Index, Integer, String, Table, text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

users_roles = Table(
    "users_roles",
    Base.metadata,
    Column("user_id", ForeignKey("users.id", name="fk_users_roles_user_id_users"), primary_key=True),
    Column("role_id", Integer, primary_key=True),
)

orders_table = sa.Table("orders", Base.metadata, Column("id", Integer, primary_key=True), schema="public")


class User(Base):
    __tablename__ = 'users'
    __table_args__ = (Index("ix_users_email_lower", "email"), {"schema": "public"})

    id = Column(Integer, primary_key=True)
    email = Column(String(255))
    roles = relationship("Role", secondary="users_roles")


class OAuthAccount(Base):
    __tablename__ = "social_accounts"
    __table_args__ = {"schema": "identity"}

    id = Column(Integer, primary_key=True)


class BusinessAccount(Base):
    # the default schema's social_accounts: another table, kept
    __tablename__ = "social_accounts"

    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer)
    __table_args__ = (ForeignKeyConstraint(["owner_id"], ["users.id"], name="fk_social_accounts_owner_id_users"),)


class Token(Base):
    __tablename__ = "tokens"

    id = Column(Integer, primary_key=True)
    account_id = Column(Integer, ForeignKey("identity.social_accounts.id"))
    other_id = Column(Integer, ForeignKey("social_accounts.id"))


ACTIVE = text("SELECT id FROM users WHERE active")  # raw SQL: listed for review, never rewritten
LABEL = "users"  # a plain string that is no table reference
