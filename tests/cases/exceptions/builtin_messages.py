none = None
f1 = 1.0
tests = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: divmod(1, 0),
    lambda: [1][5],
    lambda: (1,)[5],
    lambda: 'x'[5],
    lambda: {}['missing'],
    lambda: 1 + 'a',
    lambda: 'a' + 1,
    lambda: [] + (),
    lambda: 1 - 'a',
    lambda: 'a' * 'b',
    lambda: -'a',
    lambda: 1 < 'a',
    lambda: int('x'),
    lambda: int('1.5'),
    lambda: int('12', 2),
    lambda: float('x'),
    lambda: undefined_name,
    lambda: object().attr,
    lambda: none(),
    lambda: len(5),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: [].pop(),
    lambda: {}.pop('x'),
    lambda: hash([]),
    lambda: chr(-1),
    lambda: 2 ** 10000 * 1.0,
    lambda: [1, 2].index(3),
    lambda: 'abc'.index('z'),
    lambda: (lambda a: a)(),
    lambda: int(None),
    lambda: sum(['a', 'b']),
    lambda: abs('x'),
    lambda: round('x'),
    lambda: 'abc'[f1],
    lambda: [1][None:'x'],
]
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)
