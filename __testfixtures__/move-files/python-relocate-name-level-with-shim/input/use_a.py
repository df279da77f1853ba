from pkg.old import A, keep

print(A("x"), keep("a  b"))
