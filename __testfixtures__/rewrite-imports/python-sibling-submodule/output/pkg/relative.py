from . import other, new

print(new.X, other.Y)
