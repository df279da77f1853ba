"""Database layer: the declarative base, the session factory and the canonical models.

``db.models`` is the canonical home of every ORM model (SQLAlchemy 2.x style,
see docs/MODEL_CONSOLIDATION_PLAN in the original project). The legacy
``models`` package and ``core.auth.station_models`` still define duplicates of
some of these tables; importing both in one process fails with
``Table '...' is already defined for this MetaData instance``.
"""
