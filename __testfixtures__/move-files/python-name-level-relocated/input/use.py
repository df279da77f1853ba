from m.old import A, B
print(A, B)
