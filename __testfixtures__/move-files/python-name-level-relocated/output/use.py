from m.new import A
from m.legacy.old import B
print(A, B)
