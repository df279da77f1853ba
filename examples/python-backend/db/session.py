"""Engine and session factory, created lazily: importing this module touches no database.

The URL comes from ``DATABASE_URL``; without it an in-memory SQLite database is
used (one shared connection, so every session sees the same tables), which is
what the tests and the examples use.
"""
import os
from contextlib import contextmanager
from typing import Iterator, Optional

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

DEFAULT_URL = "sqlite+pysqlite:///:memory:"

_engine: Optional[Engine] = None
_session_factory: Optional[sessionmaker] = None


def get_engine() -> Engine:
    """The process-wide engine, created on first use."""
    global _engine
    if _engine is None:
        url = os.environ.get("DATABASE_URL", DEFAULT_URL)
        if url.startswith("sqlite") and ":memory:" in url:
            _engine = create_engine(
                url, connect_args={"check_same_thread": False}, poolclass=StaticPool, future=True
            )
        else:
            _engine = create_engine(url, pool_pre_ping=True, future=True)
    return _engine


def create_schema() -> None:
    """Create every table known to ``Base.metadata`` (tests and local runs only)."""
    import db.models  # noqa: F401  (registers every canonical model)
    from db.base import Base

    Base.metadata.create_all(get_engine())


def new_session() -> Session:
    global _session_factory
    if _session_factory is None:
        _session_factory = sessionmaker(bind=get_engine(), expire_on_commit=False)
    return _session_factory()


@contextmanager
def session_scope() -> Iterator[Session]:
    """A transactional scope: commit on success, roll back on error."""
    session = new_session()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
