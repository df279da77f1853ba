import re

from sqlalchemy import Column, Integer, String

from db.base import Base


def normalize_handle(handle: str) -> str:
    return re.sub(r"^@", "", handle.strip().lower())


class SocialAccount(Base):
    __tablename__ = "social_accounts"

    id = Column(Integer, primary_key=True)
    platform = Column(String(20))
    handle = Column(String(120))
