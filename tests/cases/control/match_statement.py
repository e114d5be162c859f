def describe(v):
    match v:
        case 0:
            return 'zero'
        case int(n) if n < 0:
            return f'negative {n}'
        case int() | float():
            return 'number'
        case [x, y]:
            return f'pair {x} {y}'
        case [x, *rest]:
            return f'list head {x} rest {rest}'
        case {'type': t, **kw}:
            return f'dict type={t} extra={kw}'
        case str() as s if len(s) > 3:
            return 'long str ' + s
        case 'a' | 'b':
            return 'a or b'
        case _:
            return 'other'
for v in [0, -3, 2.5, [1, 2], [1, 2, 3], {'type': 'x', 'k': 1}, 'hello', 'a', 'z', None]:
    print(repr(v), '->', describe(v))
class Pt:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
match Pt(1, 2):
    case Pt(0, _):
        print('on y axis')
    case Pt(x, y=2):
        print('x', x, 'y=2')
