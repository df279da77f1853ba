import newpkg.c.d
import newpkg.c
import newpkg
from newpkg.c import d
from newpkg.c.d import x

print(newpkg.c.d.x, newpkg.c, d, x)
