from legacy.format import escape, extension, fingerprint, hyphenate


def page():
    return [escape("<b>"), hyphenate("fooBar"), fingerprint("a.txt"), extension("a.txt")]
