from .old import mod
from . import old

print(mod.X, old.mod)
