import importlib


def load(name):
    legacy = importlib.import_module(f"models.{name}")
    other = __import__("models." + name)
    fixed = importlib.import_module("db.models.core")
    return legacy, other, fixed
