from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p.y, p[0], len(p), p == (1, 2))
q = p._replace(x=10)
print(q, p._asdict(), Point._fields, Point(y=5, x=4))
x, y = q
print(x, y, isinstance(p, tuple))
