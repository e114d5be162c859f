t = (1, [2, 3])
try:
    t[0] = 5
except TypeError as e:
    print(e)
t[1].append(4)
print(t)
try:
    del t[0]
except TypeError as e:
    print(e)
try:
    (1, 2).append(3)
except AttributeError as e:
    print(e)
try:
    t[5]
except IndexError as e:
    print(e)
