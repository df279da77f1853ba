CSV = ","


def join(rows, sep):
    return "\n".join(sep.join(map(str, r)) for r in rows)
