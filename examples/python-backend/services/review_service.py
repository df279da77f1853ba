"""Post-event reviews: collect ratings, reward them with coupons, flag the bad ones.

This file is saved with a UTF-8 byte order mark (an editor on Windows did it).
"""
import datetime as dt
import secrets
from typing import List

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.social import CustomerReview, DiscountCoupon

COUPON_PERCENT = 10
COUPON_VALID_DAYS = 90


def record_review(session: Session, *, booking_id: int, customer_id: int, rating: int, comment: str = "") -> CustomerReview:
    if not 1 <= rating <= 5:
        raise ValueError("rating must be between 1 and 5")
    review = CustomerReview(
        booking_id=booking_id, customer_id=customer_id, rating=rating, comment=comment, source="internal", escalated=False
    )
    session.add(review)
    return review


def reward_review(session: Session, review: CustomerReview, now: dt.datetime = None) -> DiscountCoupon:
    now = now or dt.datetime.now(dt.timezone.utc)
    coupon = DiscountCoupon(
        code="THANKS-" + secrets.token_hex(3).upper(),
        percent_off=COUPON_PERCENT,
        customer_id=review.customer_id,
        review_id=review.id,
        expires_at=now + dt.timedelta(days=COUPON_VALID_DAYS),
    )
    session.add(coupon)
    return coupon


def reviews_needing_attention(session: Session) -> List[CustomerReview]:
    stmt = select(CustomerReview).where(CustomerReview.rating <= 2, CustomerReview.escalated.is_(False))
    return list(session.execute(stmt).scalars())
