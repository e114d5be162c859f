x = None
for i in range(1000000): x = [x]
del x
x = None
for i in range(1000000): x = (x,)
del x
print('ok')
