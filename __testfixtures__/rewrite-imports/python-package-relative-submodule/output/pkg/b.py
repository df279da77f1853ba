from .new.mod import (
    X,
    _Y)
