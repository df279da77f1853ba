"""Lead pipeline and social channels.

Canonical home of ``Lead`` (legacy twin: ``models/lead.py``) and of the
social-account models that ``models/social.py`` still defines under older
names: ``SocialAccount`` is ``BusinessSocialAccount`` here and
``SocialIdentity`` is ``CustomerSocialIdentity``.
"""
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import relationship

from db.base import Base, TimestampMixin

LEAD_STATUSES = ("new", "contacted", "quoted", "won", "lost")


class Lead(TimestampMixin, Base):
    __tablename__ = "leads"

    id = Column(Integer, primary_key=True)
    source = Column(String(32), nullable=False, default="website")  # website | instagram | facebook | phone
    name = Column(String(200))
    email = Column(String(255), index=True)
    phone = Column(String(32))
    status = Column(String(20), nullable=False, default="new")
    score = Column(Integer, nullable=False, default=0)
    notes = Column(Text)
    customer_id = Column(Integer, ForeignKey("customers.id"))

    customer = relationship("Customer")
    social_threads = relationship("LeadSocialThread", back_populates="lead")

    @property
    def is_hot(self) -> bool:
        return self.score >= 70 and self.status in ("new", "contacted")


class BusinessSocialAccount(Base):
    """A company page (Instagram, Facebook, ...) whose inbox we monitor."""

    __tablename__ = "social_accounts"  # to become business_social_accounts

    id = Column(Integer, primary_key=True)
    platform = Column(String(20), nullable=False)
    handle = Column(String(100), nullable=False)
    display_name = Column(String(200))
    page_id = Column(String(100))
    is_active = Column(Boolean, nullable=False, default=True)
    connected_at = Column(DateTime(timezone=True), server_default=func.now())

    threads = relationship("LeadSocialThread", back_populates="account")

    __table_args__ = (UniqueConstraint("platform", "handle"),)


class CustomerSocialIdentity(Base):
    """A customer's profile on one social platform."""

    __tablename__ = "social_identities"  # to become customer_social_identities

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), index=True)
    platform = Column(String(20), nullable=False)
    handle = Column(String(100), nullable=False)
    profile_url = Column(String(500))
    verified = Column(Boolean, nullable=False, default=False)

    customer = relationship("Customer", back_populates="social_identities")

    __table_args__ = (UniqueConstraint("platform", "handle"),)


class LeadSocialThread(Base):
    """A DM conversation on a business account that produced a lead."""

    __tablename__ = "social_threads"  # to become lead_social_threads

    id = Column(Integer, primary_key=True)
    lead_id = Column(Integer, ForeignKey("leads.id"), index=True)
    account_id = Column(Integer, ForeignKey("social_accounts.id"), nullable=False, index=True)
    external_thread_id = Column(String(128), nullable=False)
    last_message_at = Column(DateTime(timezone=True))

    lead = relationship("Lead", back_populates="social_threads")
    account = relationship("BusinessSocialAccount", back_populates="threads")
