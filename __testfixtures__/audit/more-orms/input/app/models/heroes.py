from typing import Optional

from sqlmodel import Field, SQLModel


class HeroBase(SQLModel):
    """Not a table: no table=True."""

    name: str


class Hero(HeroBase, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    secret_name: str
