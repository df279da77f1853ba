"""Canonical ORM models (SQLAlchemy 2.x declarative, one ``Base``).

Every domain module is imported here so that the mapper registry is complete
as soon as any canonical model is imported: relationships refer to each other
by class name (``relationship("Station")``) across modules.
"""
import db.models.core  # noqa: F401
import db.models.feedback_marketing  # noqa: F401
import db.models.identity  # noqa: F401
import db.models.lead  # noqa: F401
import db.models.newsletter  # noqa: F401
import db.models.support_communications  # noqa: F401
