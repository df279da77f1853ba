"""Nightly sync of station staff from the HR export."""
from __future__ import annotations

from typing import Iterable, Mapping

from sqlalchemy.orm import Session

from core.auth import Station, UserStationAssignment as Assignment


def sync_station_staff(session: Session, station: Station, rows: Iterable[Mapping]) -> int:
    """Create or update one assignment per HR row; returns how many changed."""
    existing = {a.user_id: a for a in station.assignments}
    changed = 0
    for row in rows:
        assignment = existing.get(row["user_id"])
        if assignment is None:
            assignment = Assignment(user_id=row["user_id"], station_id=station.id, role=row.get("role", "chef"))
            session.add(assignment)
            changed += 1
        elif assignment.role != row.get("role", assignment.role):
            assignment.role = row["role"]
            changed += 1
    return changed
