from sqlalchemy import Column, Integer, String

from db.base import Base


class Customer(Base):
    __tablename__ = "customers"

    id = Column(Integer, primary_key=True)
    email = Column(String(255))
    name = Column(String(120))
