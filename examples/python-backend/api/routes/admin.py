"""Back-office endpoints: roles, permissions and station staff."""
from __future__ import annotations

from typing import List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.role import (  # RBAC tables (legacy module)
    Permission,  # e.g. "bookings:write"
    Role,
)


def list_roles(session: Session) -> List[dict]:
    roles = session.execute(select(Role).order_by(Role.name)).scalars()
    return [{"id": role.id, "name": role.name} for role in roles]


def create_permission(session: Session, code: str, description: Optional[str] = None) -> Permission:
    permission = Permission(code=code, description=description)
    session.add(permission)
    return permission


class StationAdmin:
    """Admin screen for stations and their staff (models bound on the class, Django-admin style)."""

    from core.auth.station_models import Station as model
    from core.auth.station_models import UserStationAssignment

    list_display = ("code", "name", "city")

    def rows(self, session: Session) -> list:
        return list(session.execute(select(self.model).order_by(self.model.code)).scalars())

    def staff(self, session: Session, station_id: int) -> list:
        stmt = select(self.UserStationAssignment).where(self.UserStationAssignment.station_id == station_id)
        return list(session.execute(stmt).scalars())
