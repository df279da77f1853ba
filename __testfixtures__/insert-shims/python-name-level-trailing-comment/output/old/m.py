LIMIT = 3  # the limit, kept


def stays():
    return LIMIT


# remodel: deprecation shim for the names that moved out of this module
# (generated; re-running remodel regenerates it)
# pylint: disable=wrong-import-position,wrong-import-order
# isort: off
import importlib as _importlib  # noqa: E402
import warnings as _warnings  # noqa: E402
from typing import TYPE_CHECKING as _TYPE_CHECKING  # noqa: E402

# isort: on
_MOVED = {
    "moved": ("canon.m", "moved"),
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
    from canon.m import moved as moved  # noqa: F401

    # isort: on
