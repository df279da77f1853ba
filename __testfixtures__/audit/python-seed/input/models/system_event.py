from sqlalchemy import Column, Integer, String, Text

from db.base import Base


class SystemEvent(Base):
    """Nobody imports this model any more."""

    __tablename__ = "system_events"

    id = Column(Integer, primary_key=True)
    kind = Column(String(40))
    payload = Column(Text)
