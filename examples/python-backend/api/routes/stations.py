"""Station staff endpoints."""
from __future__ import annotations

from typing import List, TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.auth.station_models import UserStationAssignment

from ..deps import current_user, require_station_access


class StationUser(TypedDict):
    """JSON shape of one staff member in the API - not the ORM model of the same name."""

    user_id: int
    role: str
    is_primary: bool


def list_station_users(session: Session, user_id: int, station_id: int) -> List[StationUser]:
    require_station_access(session, current_user(session, user_id), station_id)
    stmt = select(UserStationAssignment).where(UserStationAssignment.station_id == station_id)
    return [
        StationUser(user_id=a.user_id, role=a.role, is_primary=bool(a.is_primary))
        for a in session.execute(stmt).scalars()
    ]
