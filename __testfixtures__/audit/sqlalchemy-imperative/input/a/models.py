from sqlalchemy import Column, Integer, String, Table, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, registry


class Base(DeclarativeBase):
    pass


class Booking(Base):
    __tablename__ = "bookings"
    __table_args__ = {"schema": "sales"}
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))


metadata = MetaData()
user_table = Table("users", metadata, Column("id", Integer, primary_key=True), Column("name", String(50)))


class User:
    pass


mapper_registry = registry()
mapper_registry.map_imperatively(User, user_table)


@mapper_registry.mapped
class Invoice:
    __tablename__ = "invoices"
    id = Column(Integer, primary_key=True)


class Legacy:
    pass


legacy_table = Table("legacy_accounts", metadata, Column("id", Integer, primary_key=True))
mapper_registry.map_imperatively(Legacy, legacy_table, properties={})
