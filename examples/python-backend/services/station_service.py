"""Station assignments: which user may manage which station, with what role."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Iterable, List, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.auth.station_models import Station, UserStationAssignment

ROLE_MANAGER = "manager"
ROLE_CHEF = "chef"

# The model new assignments are created from; a module-level alias lets the
# admin tooling swap it in tests.
assignment_model = UserStationAssignment


def assign_user_to_station(
    session: Session, user_id: int, station: Station, role: str = ROLE_MANAGER, primary: bool = False
) -> UserStationAssignment:
    assignment = UserStationAssignment(user_id=user_id, station_id=station.id, role=role, is_primary=primary)
    session.add(assignment)
    return assignment


def find_assignment(session: Session, user_id: int, station_id: int) -> Optional[UserStationAssignment]:
    stmt = select(UserStationAssignment).where(
        UserStationAssignment.user_id == user_id,
        UserStationAssignment.station_id == station_id,
    )
    return session.execute(stmt).scalar_one_or_none()


def is_assignment(obj: object) -> bool:
    return isinstance(obj, UserStationAssignment)


def serialize_assignment(assignment: UserStationAssignment) -> dict:
    return {
        "user_id": assignment.user_id,
        "station_id": assignment.station_id,
        "role": assignment.role,
        "primary": bool(assignment.is_primary),
    }


def serialize_station(station: Station) -> dict:
    return {"id": station.id, "code": station.code, "name": station.name}


# Serializers looked up by *model name* by the export job: the keyword and the
# attribute access below are names, not references to the class.
SERIALIZERS = SimpleNamespace(Station=serialize_station, UserStationAssignment=serialize_assignment)

# Models by public name for the export job (keyword = name, value = the class).
EXPORTED_MODELS = dict(Station=Station, UserStationAssignment=UserStationAssignment)


def export_row(obj: object) -> dict:
    if isinstance(obj, UserStationAssignment):
        return SERIALIZERS.UserStationAssignment(obj)
    return SERIALIZERS.Station(obj)


def primary_station_ids(UserStationAssignment: Iterable) -> List[int]:
    """``UserStationAssignment`` here is the payload list of the v1 sync API (same name, not the model)."""
    return [row["station_id"] for row in UserStationAssignment if row.get("primary")]


def count_managers(rows: Iterable) -> int:
    UserStationAssignment = [row for row in rows if row.role == ROLE_MANAGER]  # a local list, not the model
    return len(UserStationAssignment)


def assignments_table() -> str:
    return UserStationAssignment.__tablename__
