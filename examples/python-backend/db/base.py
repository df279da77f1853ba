"""The one declarative ``Base`` (and so the one ``MetaData``) shared by every model.

Both the canonical models in ``db.models`` and the legacy ones in ``models`` and
``core.auth.station_models`` subclass this ``Base``. That is exactly why the
duplicates cannot live side by side: two classes that declare the same
``__tablename__`` on one ``MetaData`` make SQLAlchemy raise
``InvalidRequestError: Table 'bookings' is already defined for this MetaData instance``.
"""
from sqlalchemy import Column, DateTime, MetaData, func

#: Constraint names stay stable across databases and migrations.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

try:  # SQLAlchemy 2.x
    from sqlalchemy.orm import DeclarativeBase
except ImportError:  # SQLAlchemy 1.4 (e.g. Debian bookworm's python3-sqlalchemy)
    DeclarativeBase = None

if DeclarativeBase is not None:

    class Base(DeclarativeBase):
        """Declarative base for every ORM model of the backend."""

        metadata = MetaData(naming_convention=NAMING_CONVENTION)

else:  # pragma: no cover - exercised only on SQLAlchemy 1.4
    from sqlalchemy.orm import declarative_base

    Base = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))


class TimestampMixin:
    """``created_at`` / ``updated_at`` columns, filled in by the database."""

    created_at = Column(DateTime(timezone=True), server_default=func.now(), nullable=False)
    updated_at = Column(DateTime(timezone=True), server_default=func.now(), onupdate=func.now())
