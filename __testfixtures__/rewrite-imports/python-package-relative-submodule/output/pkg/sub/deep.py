from ..new.mod import (
    X,  # the first
    _Y,
)
from ..new.mod import X as Z

print(X, _Y, Z)
