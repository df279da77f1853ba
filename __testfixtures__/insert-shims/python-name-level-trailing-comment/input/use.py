from old.m import moved

print(moved())
