print('{} {}'.format('a', 'b'), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2))
print('{0!r} {0!s}'.format('q'), '{:>6}|{:<6}|{:^6}'.format('r', 'l', 'c'))
print('{:.3f} {:,} {:08.2f} {:+.1e}'.format(2 / 3, 10 ** 7, -3.14159, 12345.678))
print('{0[0]} {0[1]} {1[k]} {2.real}'.format([5, 6], {'k': 'v'}, 3))
print('{:{}{}}'.format('z', '>', 4), '{{}}'.format(), '{:%}'.format(0.125))
print(format(3.5, '08.3f'), format('s', '^5'), format(12, ''), format(True), format(None))
print('{:d}'.format(True), '{:s}'.format('t'), '{!r:>8}'.format('a'))
try:
    '{} {}'.format(1)
except IndexError as e:
    print(e)
try:
    '{:d}'.format('x')
except ValueError as e:
    print(e)
try:
    '{k}'.format()
except KeyError as e:
    print(repr(e))
