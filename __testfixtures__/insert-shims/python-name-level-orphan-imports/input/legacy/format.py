"""Formatting helpers (the old home)."""
import hashlib
import re
from datetime import datetime
from html import escape as html_escape
from os.path import basename, splitext

from legacy.kinds import KIND_NAMES  # noqa: F401 (re-exported for old callers)

_UPPERCASE = re.compile(r"([A-Z])")


def escape(text):
    return html_escape(str(text))


def hyphenate(text):
    return _UPPERCASE.sub(r"-\1", text).lower()


def fingerprint(path):
    return f"{basename(path)}:{hashlib.sha256(path.encode()).hexdigest()}"


def stamp():
    return datetime.now().isoformat()


def extension(path):
    return splitext(path)[1]
