import pkg.old

print(pkg.old.keep("a  b"))
