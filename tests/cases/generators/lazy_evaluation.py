def noisy(n):
    for i in range(n):
        print('produce', i)
        yield i
g = (x * 10 for x in noisy(3))
print('created')
for v in g:
    print('consume', v)
z = zip(noisy(5), 'ab')
print(list(z))
m = map(lambda v: v + 1, noisy(2))
print('map created')
print(list(m))
