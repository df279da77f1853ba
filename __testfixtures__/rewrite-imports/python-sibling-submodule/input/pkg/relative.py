from . import other, old

print(old.X, other.Y)
