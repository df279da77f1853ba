from legacy.format import extension
from canon.text import escape_html, fingerprint, hyphenate


def page():
    return [escape_html("<b>"), hyphenate("fooBar"), fingerprint("a.txt"), extension("a.txt")]
