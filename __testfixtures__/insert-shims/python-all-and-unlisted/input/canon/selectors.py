"""Selector types."""
from typing import Optional

__all__ = ["Selector"]

SEL_EMPTY = 0x1
SEL_ROOT = 0x2


class Selector:
    flags: Optional[int] = None


def pickle_register(obj):
    return obj
