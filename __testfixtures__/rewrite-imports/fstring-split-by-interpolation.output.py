kind = "booking"
# an interpolation between two halves of a path names no module: only text the string spells is looked at
A = f"models.{kind}booking"
B = f"models.booking{kind}"
