import archive.old.report
from archive.old.report import render as render_report
from unittest import mock


@mock.patch("archive.old.report.render")
def run(patched):
    return archive.old.report.render([[1, 2]]), render_report([])
