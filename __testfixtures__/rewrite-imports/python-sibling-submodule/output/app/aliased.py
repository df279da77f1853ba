from pkg import new as o, other

print(o.X, other.Y)
