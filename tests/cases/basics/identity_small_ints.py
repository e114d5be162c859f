a = 256; b = int('256')
print(a is b)
c = 10 ** 3 // 4
d = 250
print(c == d, c is d)
x = []
y = x
print(x is y, x is not [], [] == [])
e = ()
print(e is tuple(), '' == str())
