from canon.m import moved

print(moved())
