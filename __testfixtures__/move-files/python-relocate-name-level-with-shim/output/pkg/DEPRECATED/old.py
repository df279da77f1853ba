"""Old helpers and a model that moved."""
import re


def keep(text):
    return re.sub(r"\s+", " ", text)
