items = {'a': 1, 'b': 2}
print(f"{', '.join(f'{k}={v}' for k, v in items.items())}")
width = 6
for x in [1, 22, 333]:
    print(f'[{x:>{width}}] [{x:<{width}d}] [{x:^{width}x}]')
class P:
    def __repr__(self): return 'P()'
    def __str__(self): return 'p-str'
    def __format__(self, spec): return 'fmt:' + spec
p = P()
print(f'{p} {p!r} {p!s} {p:xyz} {p!r:>6}')
print(f'{"multi" + "ple"} {3 if True else 4} {(lambda: 9)()}')
