"""Model classes by kind, for the generic CSV export job."""
import importlib

# Module paths as strings: exact old module names (rewritten with the map).
MODEL_MODULES = {
    "booking": "models.booking",
    "customer": "models.customer",
    "lead": "models.lead",
}


def model_class(kind: str, name: str):
    return getattr(importlib.import_module(MODEL_MODULES[kind]), name)


def booking_model():
    return importlib.import_module("models.booking").Booking


def legacy_model_module(kind: str):
    """Built at run time: no tool can know which module this names (needs review)."""
    return importlib.import_module(f"models.{kind}")
