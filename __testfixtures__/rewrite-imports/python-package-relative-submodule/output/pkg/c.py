from .new.mod import X
