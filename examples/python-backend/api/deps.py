"""Request-scoped dependencies shared by the API functions."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional

from db.models.identity import User
from db.session import session_scope

if TYPE_CHECKING:  # annotations only
    from sqlalchemy.orm import Session

    from core.auth.station_models import UserStationAssignment


class PermissionDenied(Exception):
    """The caller may not do this."""


def get_session() -> Iterator[Session]:
    with session_scope() as session:
        yield session


def current_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or not user.is_active:
        raise PermissionDenied(f"unknown or inactive user {user_id}")
    return user


def require_station_access(session: Session, user: User, station_id: int) -> Optional[UserStationAssignment]:
    """The user's assignment to the station; superusers pass without one."""
    from services.station_service import find_assignment

    assignment = find_assignment(session, user.id, station_id)
    if assignment is None and not user.is_superuser:
        raise PermissionDenied(f"user {user.id} has no access to station {station_id}")
    return assignment
