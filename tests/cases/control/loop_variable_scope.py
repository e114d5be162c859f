for i in range(3):
    pass
print(i)
for j in []:
    pass
try:
    print(j)
except NameError as e:
    print(e)
squares = [k * k for k in range(3)]
try:
    print(k)
except NameError as e:
    print(e)
x = 5
for x in range(2):
    pass
print(x)
