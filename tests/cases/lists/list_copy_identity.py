a = [1, [2, 3]]
b = a.copy()
c = list(a)
d = a[:]
b[1].append(4)
print(a, b, c, d)
print(a is b, a[1] is b[1], a == b)
import copy
e = copy.deepcopy(a)
e[1].append(5)
print(a, e)
