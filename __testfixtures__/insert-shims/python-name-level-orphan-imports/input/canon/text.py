import hashlib
import re
from datetime import datetime
from html import escape as html_escape
from os.path import basename


def escape_html(text):
    return html_escape(str(text))


def hyphenate(text):
    return re.sub(r"([A-Z])", r"-\1", text).lower()


def fingerprint(path):
    return f"{basename(path)}:{hashlib.sha256(path.encode()).hexdigest()}"


def stamp():
    return datetime.now().isoformat()
