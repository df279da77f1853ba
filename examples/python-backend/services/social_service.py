"""Social inbox: connect business pages and match customers across channels.

Handles arrive in every shape — « @Chef.Mario », "café – naïve ✓", "🍣sushi.bar" —
and are compared only after normalize_handle().
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

import models.social as social_models
from models.social import SocialAccount, normalize_handle


def connect_account(session: Session, platform: str, handle: str, display_name: Optional[str] = None) -> SocialAccount:
    account = SocialAccount(
        platform=platform.lower(),
        handle=normalize_handle(handle),
        display_name=display_name,
        is_active=True,
    )
    session.add(account)
    return account


def find_account(session: Session, platform: str, handle: str) -> Optional[SocialAccount]:
    stmt = select(SocialAccount).where(
        SocialAccount.platform == platform.lower(),
        SocialAccount.handle == normalize_handle(handle),
    )
    return session.execute(stmt).scalar_one_or_none()


def link_identity(session: Session, customer_id: int, platform: str, handle: str):
    identity = social_models.SocialIdentity(
        customer_id=customer_id, platform=platform.lower(), handle=normalize_handle(handle)
    )
    session.add(identity)
    return identity


def same_person(a: str, b: str) -> bool:
    return social_models.normalize_handle(a) == social_models.normalize_handle(b)
