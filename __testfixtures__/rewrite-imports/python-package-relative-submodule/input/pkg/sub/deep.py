from ..old.mod import (
    X,  # the first
    _Y,
)
from ..old.mod import X as Z

print(X, _Y, Z)
