from .new import mod
from . import new

print(mod.X, new.mod)
