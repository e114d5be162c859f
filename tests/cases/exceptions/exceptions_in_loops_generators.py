def gen():
    for i in range(5):
        if i == 3:
            raise ValueError(f'bad {i}')
        yield i
got = []
try:
    for v in gen():
        got.append(v)
except ValueError as e:
    print(got, e)
errors = 0
for i in range(100):
    try:
        if i % 7 == 0:
            raise KeyError(i)
    except KeyError:
        errors += 1
print(errors)
