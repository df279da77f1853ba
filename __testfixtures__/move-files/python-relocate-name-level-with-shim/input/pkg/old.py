"""Old helpers and a model that moved."""
import re
from dataclasses import dataclass


@dataclass
class A:
    name: str


def keep(text):
    return re.sub(r"\s+", " ", text)
