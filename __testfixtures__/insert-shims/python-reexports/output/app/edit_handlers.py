"""Deprecated: `app.edit_handlers` moved to `app.panels`.

A compatibility shim written by remodel: it serves the old names from their canonical
modules (the same objects, so one class and one ORM mapper) and warns. Import from the
canonical module instead.
"""
# remodel: deprecation shim
import importlib as _importlib
import warnings as _warnings

_MOVED = {
    "EditHandler": ("app.panels", "Panel"),
    "BaseCompositeEditHandler": ("app.panels", "PanelGroup"),
    "FieldPanel": ("app.panels", "FieldPanel"),
    "FORM_FIELD_OVERRIDES": ("app.forms", "FORM_FIELD_OVERRIDES"),
}


def __getattr__(name):
    if name not in _MOVED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, new_name = _MOVED[name]
    _warnings.warn(f"{__name__}.{name} is deprecated: use 'from {module} import {new_name}'", DeprecationWarning, stacklevel=2)
    return getattr(_importlib.import_module(module), new_name)


def __dir__():
    return sorted(set(globals()) | set(_MOVED))


__all__ = ["EditHandler", "BaseCompositeEditHandler", "FieldPanel", "FORM_FIELD_OVERRIDES"]
