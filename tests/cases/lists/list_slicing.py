l = list(range(10))
print(l[2:5], l[:3], l[7:], l[::3], l[::-1], l[-3:], l[8:2:-2], l[100:])
m = l[:]
m[2:5] = ['a', 'b']
print(m)
m[::2] = 'XYZWV'
print(m)
m[1:1] = [0, 0]
print(m)
del m[::3]
print(m)
m[:] = []
print(m)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print(e)
n = [1, 2, 3]
n[5:] = [9]
print(n)
