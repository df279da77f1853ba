from .old.mod import (
    X,
    _Y)
