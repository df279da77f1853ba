import pkg.DEPRECATED.old

print(pkg.DEPRECATED.old.keep("a  b"))
