import legacy.report
from legacy.report import render as render_report
from unittest import mock


@mock.patch("legacy.report.render")
def run(patched):
    return legacy.report.render([[1, 2]]), render_report([])
