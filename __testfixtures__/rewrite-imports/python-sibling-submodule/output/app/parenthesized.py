from pkg import (
    other,
    new,  # the legacy one
)

print(new.X, other.Y)
