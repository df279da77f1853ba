from archive.old.report import render


def page(rows):
    return render(rows)
