"""Post-event feedback and the coupons that reward it.

Canonical home of ``CustomerReview`` and ``DiscountCoupon`` (legacy twins in
``models/social.py``). Blog testimonials are a different system:
``models/review.py`` (``CustomerReviewBlogPost``).
"""
from sqlalchemy import Boolean, CheckConstraint, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import relationship

from db.base import Base, TimestampMixin


class CustomerReview(TimestampMixin, Base):
    __tablename__ = "customer_reviews"  # to become event_customer_reviews

    id = Column(Integer, primary_key=True)
    booking_id = Column(Integer, ForeignKey("bookings.id"), index=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), nullable=False, index=True)
    rating = Column(Integer, nullable=False)
    comment = Column(Text)
    source = Column(String(20), nullable=False, default="internal")  # internal | google
    escalated = Column(Boolean, nullable=False, default=False)

    booking = relationship("Booking")
    customer = relationship("Customer")
    coupons = relationship("DiscountCoupon", back_populates="review")

    __table_args__ = (CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),)

    @property
    def needs_attention(self) -> bool:
        return self.rating <= 2 and not self.escalated


class DiscountCoupon(TimestampMixin, Base):
    __tablename__ = "discount_coupons"

    id = Column(Integer, primary_key=True)
    code = Column(String(32), nullable=False, unique=True)
    percent_off = Column(Integer, nullable=False, default=10)
    customer_id = Column(Integer, ForeignKey("customers.id"), index=True)
    review_id = Column(Integer, ForeignKey("customer_reviews.id"))
    expires_at = Column(DateTime(timezone=True))
    redeemed_at = Column(DateTime(timezone=True))

    review = relationship("CustomerReview", back_populates="coupons")

    @property
    def is_redeemed(self) -> bool:
        return self.redeemed_at is not None
