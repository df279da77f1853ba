"""Station models (legacy).

DEPRECATED: duplicates of ``db.models.identity``. ``UserStationAssignment`` is
``StationUser`` there; both map ``station_users`` (this class used to map the
non-existent ``user_station_assignments`` table).
"""
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import relationship

from db.base import Base


class Station(Base):
    __tablename__ = "stations"

    id = Column(Integer, primary_key=True)
    code = Column(String(16), unique=True, nullable=False)
    name = Column(String(120), nullable=False)
    city = Column(String(100))
    timezone = Column(String(64), default="America/Los_Angeles")
    is_active = Column(Boolean, default=True)

    assignments = relationship("UserStationAssignment", back_populates="station")


class UserStationAssignment(Base):
    __tablename__ = "station_users"  # was "user_station_assignments"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
    station_id = Column(Integer, ForeignKey("stations.id"), nullable=False)
    role = Column(String(32), default="manager")
    is_primary = Column(Boolean, default=False)
    assigned_at = Column(DateTime(timezone=True), server_default=func.now())

    station = relationship("Station", back_populates="assignments")
