from sqlalchemy import Column, Integer

from db.base import Base


class HalfWritten(Base):
    __tablename__ = "half_written"
    id = Column(Integer, primary_key=True
