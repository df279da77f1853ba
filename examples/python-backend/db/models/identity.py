"""Identity and access: users, OAuth logins, stations, station membership and RBAC.

Canonical home of ``Station`` and ``StationUser`` (the legacy
``core/auth/station_models.py`` maps the same tables, with ``StationUser``
under its old name ``UserStationAssignment``) and of ``Role``/``Permission``
(legacy twins in ``models/role.py``).
"""
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Table, UniqueConstraint, func
from sqlalchemy.orm import relationship

from db.base import Base, TimestampMixin

role_permissions = Table(
    "role_permissions",
    Base.metadata,
    Column("role_id", ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True),
    Column("permission_id", ForeignKey("permissions.id", ondelete="CASCADE"), primary_key=True),
)


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False, unique=True, index=True)
    full_name = Column(String(200))
    is_active = Column(Boolean, nullable=False, default=True)
    is_superuser = Column(Boolean, nullable=False, default=False)
    role_id = Column(Integer, ForeignKey("roles.id"))

    role = relationship("Role")
    station_links = relationship("StationUser", back_populates="user")
    oauth_accounts = relationship("OAuthAccount", back_populates="user")


class OAuthAccount(Base):
    """Admin login through Google/Microsoft (was ``identity.social_accounts``)."""

    __tablename__ = "oauth_accounts"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    provider = Column(String(20), nullable=False)
    provider_account_id = Column(String(255), nullable=False)
    linked_at = Column(DateTime(timezone=True), server_default=func.now())

    user = relationship("User", back_populates="oauth_accounts")

    __table_args__ = (UniqueConstraint("provider", "provider_account_id"),)


class Station(TimestampMixin, Base):
    """A physical location that bookings are served from."""

    __tablename__ = "stations"

    id = Column(Integer, primary_key=True)
    code = Column(String(16), nullable=False, unique=True)
    name = Column(String(120), nullable=False)
    city = Column(String(100))
    timezone = Column(String(64), nullable=False, default="America/Los_Angeles")
    is_active = Column(Boolean, nullable=False, default=True)

    assignments = relationship("StationUser", back_populates="station", cascade="all, delete-orphan")


class StationUser(Base):
    """Which user may manage which station, and with what role (junction table)."""

    __tablename__ = "station_users"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    station_id = Column(Integer, ForeignKey("stations.id", ondelete="CASCADE"), nullable=False, index=True)
    role = Column(String(32), nullable=False, default="manager")
    is_primary = Column(Boolean, nullable=False, default=False)
    assigned_at = Column(DateTime(timezone=True), server_default=func.now())

    user = relationship("User", back_populates="station_links")
    station = relationship("Station", back_populates="assignments")

    __table_args__ = (UniqueConstraint("user_id", "station_id"),)


class Role(Base):
    __tablename__ = "roles"

    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False, unique=True)
    description = Column(String(255))

    permissions = relationship("Permission", secondary=role_permissions, back_populates="roles")

    def grants(self, code: str) -> bool:
        return any(p.code == code for p in self.permissions)


class Permission(Base):
    __tablename__ = "permissions"

    id = Column(Integer, primary_key=True)
    code = Column(String(80), nullable=False, unique=True)  # "bookings:write"
    description = Column(String(255))

    roles = relationship("Role", secondary=role_permissions, back_populates="permissions")
