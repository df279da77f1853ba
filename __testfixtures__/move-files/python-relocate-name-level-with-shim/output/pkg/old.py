"""Deprecated: `pkg.old` moved to `pkg.new`, `pkg.DEPRECATED.old`.

A compatibility shim written by remodel: it serves the old names from their
canonical modules (the same objects, so one class and one ORM mapper) and
warns. Import from the canonical module instead.
"""
# remodel: deprecation shim
import importlib as _importlib
import warnings as _warnings
from typing import TYPE_CHECKING as _TYPE_CHECKING

_MOVED = {
    "A": ("pkg.new", "A"),
    "keep": ("pkg.DEPRECATED.old", "keep"),
}


def __getattr__(name):
    if name not in _MOVED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, new_name = _MOVED[name]
    _warnings.warn(
        f"{__name__}.{name} is deprecated: use 'from {module} import {new_name}'",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(_importlib.import_module(module), new_name)


def __dir__():
    return sorted(set(globals()) | set(_MOVED))


if _TYPE_CHECKING:
    # type checkers see each moved name as its canonical object
    # (at run time __getattr__ serves it, warned)
    # pylint: disable=unused-import,useless-import-alias
    # isort: off
    from pkg.new import A as A
    from pkg.DEPRECATED.old import keep as keep

    # isort: on


__all__ = ["A", "keep"]
