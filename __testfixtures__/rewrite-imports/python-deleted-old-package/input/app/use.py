import old.pkg.c.d
import old.pkg
from old.pkg.c import d
from old.pkg.c.d import x

print(old.pkg.c.d.x, old.pkg.c, d, x)
