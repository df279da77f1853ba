"""Old report helpers, moving to archive/."""
from .formats import CSV
from . import formats


def render(rows):
    return formats.join(rows, CSV)
