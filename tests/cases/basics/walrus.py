data = [1, 2, 3, 4, 5, 6]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * x) > 10])
print(y)
i = 0
while (i := i + 1) < 4:
    print('i', i)
print((a := 10) + a)
def f():
    return [(last := v) for v in range(3)], last
print(f())
