# Copyright (c) 2020 Example Inc.
# Licensed under the MIT License.
"""Deprecated: the package `oldpkg` moved to `newpkg`.

A compatibility shim written by remodel: every `oldpkg.<module>` import loads
`newpkg.<module>` (the same module objects) and warns. Import from `newpkg`
instead.
"""
# remodel: deprecation shim
import importlib as _importlib
import importlib.abc as _abc
import importlib.util as _util
import sys as _sys
import warnings as _warnings
from typing import TYPE_CHECKING as _TYPE_CHECKING

_OLD = "oldpkg"
_NEW = "newpkg"


def _caller_stacklevel():
    # the first frame outside this shim and the import machinery
    # (which warnings already skips)
    frame, level = _sys._getframe(1), 1
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename == __file__:
            level += 1
        elif not filename.startswith("<frozen importlib"):
            break
        frame = frame.f_back
    return level


def _warn(fullname):
    _warnings.warn(
        f"{fullname} is deprecated: import {_NEW}{fullname[len(_OLD):]} instead",
        DeprecationWarning,
        stacklevel=_caller_stacklevel(),
    )


class _Redirect(_abc.MetaPathFinder, _abc.Loader):
    # `old.sub` imports resolve to `new.sub`: exec_module swaps the new module into sys.modules
    old = _OLD

    def find_spec(self, fullname, path=None, target=None):
        if fullname.startswith(_OLD + "."):
            return _util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        fullname = module.__name__
        _warn(fullname)
        new_name = fullname.replace(_OLD, _NEW, 1)
        _sys.modules[fullname] = _importlib.import_module(new_name)


if not any(getattr(f, "old", None) == _OLD for f in _sys.meta_path):
    _sys.meta_path.insert(0, _Redirect())


def __getattr__(name):
    # PEP 562: a name the new package lacks is an AttributeError
    # (hasattr, `from old import *` rely on it)
    new = _importlib.import_module(_NEW)
    if hasattr(new, name):
        _warn(f"{_OLD}.{name}")
        return getattr(new, name)
    if not name.startswith("__"):
        try:
            module = _importlib.import_module(f"{_NEW}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{_NEW}.{name}":
                raise
        else:
            _warn(f"{_OLD}.{name}")
            return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(dir(_importlib.import_module(_NEW))))


if _TYPE_CHECKING:
    # type checkers see the new package's names
    # (at run time __getattr__ serves them, warned)
    from newpkg import *  # noqa: F401,F403
