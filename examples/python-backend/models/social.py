"""Social media models and helpers (legacy).

Most of this module is DEPRECATED - the models moved:
  SocialAccount  -> db.models.lead.BusinessSocialAccount     (same table)
  SocialIdentity -> db.models.lead.CustomerSocialIdentity    (same table)
  CustomerReview, DiscountCoupon -> db.models.feedback_marketing
``normalize_handle`` is not a model and stays here.
"""
import re

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Text, func

from db.base import Base

_HANDLE_RE = re.compile(r"[^a-z0-9._]")


def normalize_handle(handle: str) -> str:
    """``"  @Chef.Mario "`` -> ``"chef.mario"``: lower-case, no ``@``, no spaces."""
    return _HANDLE_RE.sub("", handle.strip().lstrip("@").lower())


class SocialAccount(Base):
    __tablename__ = "social_accounts"

    id = Column(Integer, primary_key=True)
    platform = Column(String(20), nullable=False)
    handle = Column(String(100), nullable=False)
    display_name = Column(String(200))
    page_id = Column(String(100))
    is_active = Column(Boolean, default=True)


class SocialIdentity(Base):
    __tablename__ = "social_identities"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer)
    platform = Column(String(20), nullable=False)
    handle = Column(String(100), nullable=False)
    profile_url = Column(String(500))


class CustomerReview(Base):
    __tablename__ = "customer_reviews"

    id = Column(Integer, primary_key=True)
    booking_id = Column(Integer)
    customer_id = Column(Integer, nullable=False)
    rating = Column(Integer, nullable=False)
    comment = Column(Text)
    source = Column(String(20), default="internal")
    escalated = Column(Boolean, default=False)
    created_at = Column(DateTime(timezone=True), server_default=func.now())

    @property
    def needs_attention(self):
        return self.rating <= 2 and not self.escalated


class DiscountCoupon(Base):
    __tablename__ = "discount_coupons"

    id = Column(Integer, primary_key=True)
    code = Column(String(32), unique=True, nullable=False)
    percent_off = Column(Integer, default=10)
    customer_id = Column(Integer)
    review_id = Column(Integer)
    expires_at = Column(DateTime(timezone=True))
    redeemed_at = Column(DateTime(timezone=True))
