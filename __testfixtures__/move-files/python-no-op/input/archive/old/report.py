"""Old report helpers, moving to archive/."""
from legacy.formats import CSV
from legacy import formats


def render(rows):
    return formats.join(rows, CSV)
