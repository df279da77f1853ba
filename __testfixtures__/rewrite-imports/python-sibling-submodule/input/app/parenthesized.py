from pkg import (
    other,
    old,  # the legacy one
)

print(old.X, other.Y)
