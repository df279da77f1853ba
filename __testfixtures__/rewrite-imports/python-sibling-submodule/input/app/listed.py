from pkg import other, old

print(old.X, other.Y)
