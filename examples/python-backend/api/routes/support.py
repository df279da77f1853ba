"""Support desk endpoints."""
import json, models.escalation  # noqa: E401  (old style, kept as it was)

from sqlalchemy import select
from sqlalchemy.orm import Session


def open_escalations(session: Session) -> str:
    stmt = (
        select(models.escalation.Escalation)
        .where(models.escalation.Escalation.status != "resolved")
        .order_by(models.escalation.Escalation.created_at)
    )
    rows = [
        {"id": e.id, "customer_id": e.customer_id, "priority": e.priority, "reason": e.reason}
        for e in session.execute(stmt).scalars()
    ]
    return json.dumps(rows)
