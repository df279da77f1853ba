from pkg import old as o, other

print(o.X, other.Y)
