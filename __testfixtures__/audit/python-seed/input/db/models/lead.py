from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import relationship

from ..base import Base


class Lead(Base):
    __tablename__ = "leads"

    id = Column(Integer, primary_key=True)
    source = Column(String(50))

    accounts = relationship("BusinessSocialAccount", back_populates="lead")


class BusinessSocialAccount(Base):
    """Company Instagram / Facebook pages."""

    __tablename__ = "social_accounts"

    id = Column(Integer, primary_key=True)
    lead_id = Column(Integer, ForeignKey("leads.id"))
    platform = Column(String(20), nullable=False)
    handle = Column(String(120), nullable=False)
    page_url = Column(String(500))

    lead = relationship("Lead", back_populates="accounts")
