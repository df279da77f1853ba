"""Call recording model (legacy). DEPRECATED: use ``db.models.support_communications.CallRecording``."""
from sqlalchemy import Column, DateTime, Integer, String, Text

from db.base import Base


class CallRecording(Base):
    __tablename__ = "call_recordings"

    id = Column(Integer, primary_key=True)
    escalation_id = Column(Integer)
    customer_id = Column(Integer)
    recording_url = Column(String(500), nullable=False)
    duration_seconds = Column(Integer, default=0)
    transcript = Column(Text)
    recorded_at = Column(DateTime(timezone=True))
