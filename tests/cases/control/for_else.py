for x in [1, 3, 5]:
    if x % 2 == 0:
        print('found even', x)
        break
else:
    print('no even number')
for x in [1, 4, 5]:
    if x % 2 == 0:
        print('found even', x)
        break
else:
    print('no even number')
for x in []:
    pass
else:
    print('empty for else')
def primes(n):
    out = []
    for c in range(2, n):
        for d in range(2, c):
            if c % d == 0:
                break
        else:
            out.append(c)
    return out
print(primes(30))
