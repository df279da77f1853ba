"""Invoice documents (the old home)."""


# moved; still used in this module
from platform_accounting.receivables.documents.line_items import (
    LineItemAdjustmentRecordForInvoices as InvoiceLineItemAdjustmentRecord,
)


def default_adjustment():
    return InvoiceLineItemAdjustmentRecord()


# remodel: deprecation shim for the names that moved out of this module
# (generated; re-running remodel regenerates it)
import importlib as _importlib
import warnings as _warnings
from typing import TYPE_CHECKING as _TYPE_CHECKING

_MOVED = {
    "InvoiceDocumentTemplateConfiguration": (
        "platform_accounting.receivables.documents.line_items",
        "InvoiceDocumentTemplateConfiguration",
    ),
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
    # isort: off
    from platform_accounting.receivables.documents.line_items import (
        InvoiceDocumentTemplateConfiguration as InvoiceDocumentTemplateConfiguration,
    )

    # isort: on
