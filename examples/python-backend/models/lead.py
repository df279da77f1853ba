"""Lead model (legacy). DEPRECATED: use ``db.models.lead.Lead`` (same ``leads`` table)."""
from sqlalchemy import Column, DateTime, Integer, String, Text, func

from db.base import Base


class Lead(Base):
    __tablename__ = "leads"

    id = Column(Integer, primary_key=True)
    source = Column(String(32), default="website")
    name = Column(String(200))
    email = Column(String(255))
    phone = Column(String(32))
    status = Column(String(20), default="new")
    score = Column(Integer, default=0)
    notes = Column(Text)
    created_at = Column(DateTime(timezone=True), server_default=func.now())

    @property
    def is_hot(self):
        return self.score >= 70 and self.status in ("new", "contacted")
