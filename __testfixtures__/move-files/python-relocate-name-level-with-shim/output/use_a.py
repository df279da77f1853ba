from pkg.new import A
from pkg.DEPRECATED.old import keep

print(A("x"), keep("a  b"))
