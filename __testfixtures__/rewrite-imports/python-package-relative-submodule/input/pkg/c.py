from .old.mod import X
