"""Selector types (the copy being retired)."""
from typing import Optional

__all__ = ["Selector"]

SEL_EMPTY = 0x1
SEL_ROOT = 0x2


class Selector:
    flags: Optional[int] = None


def pickle_register(obj):
    return obj


def legacy_only():
    """Not in the canonical module: nothing to serve."""
    return None


def _private():
    return None
