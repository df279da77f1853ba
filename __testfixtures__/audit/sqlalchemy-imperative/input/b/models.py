from sqlalchemy import Column, Integer, String, Table
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class BookingRecord(Base):
    __tablename__ = "bookings"
    __table_args__ = {"schema": "sales"}
    id = Column(Integer, primary_key=True)
    code = Column(String(20))
    note = Column(String(200))


class Account(Base):
    __table__ = Table("users", Base.metadata, Column("id", Integer, primary_key=True), Column("name", String(50)))


class Invoice(Base):
    __tablename__ = "invoices"
    __table_args__ = {"schema": "billing"}
    id = Column(Integer, primary_key=True)
