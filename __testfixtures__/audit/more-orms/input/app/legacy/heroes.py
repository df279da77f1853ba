from typing import Optional

from sqlmodel import Field, SQLModel


class Hero(SQLModel, table=True):
    """The legacy twin: SQLModel names its table `hero` too."""

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
