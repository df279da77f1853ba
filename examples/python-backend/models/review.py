"""Blog testimonials: reviews published on the marketing site.

Not a duplicate - post-event feedback is ``db.models.feedback_marketing.CustomerReview``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import relationship

from db.base import Base, TimestampMixin

if TYPE_CHECKING:
    from .customer import Customer


class CustomerReviewBlogPost(TimestampMixin, Base):
    __tablename__ = "customer_review_blog_posts"

    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("customers.id"), index=True)
    title = Column(String(200), nullable=False)
    slug = Column(String(200), nullable=False, unique=True)
    body = Column(Text, nullable=False)
    approved = Column(Boolean, nullable=False, default=False)
    published_at = Column(DateTime(timezone=True))
    seo_description = Column(String(300))

    # Fully qualified on purpose: two ``Customer`` classes were registered at one time.
    customer = relationship("models.customer.Customer")

    def author(self) -> Optional[Customer]:
        return self.customer

    @property
    def is_public(self) -> bool:
        return bool(self.approved and self.published_at)
