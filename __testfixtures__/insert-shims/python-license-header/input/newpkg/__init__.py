from newpkg.core import VALUE

__all__ = ["VALUE"]
