from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(3, 4)
print(p, repr(p), p.x + p.y, p[1], p._fields, Point.__name__)
print(p._replace(y=10), p._asdict(), Point._make([7, 8]))
print(Point.__doc__, Point.x.__doc__)
Color = namedtuple('Color', ['r', 'g', 'b'], defaults=[0, 255])
print(Color(1), Color(1, 2), Color(1, 2, 3), Color._field_defaults)
print(isinstance(p, tuple), p == (3, 4), hash(p) == hash((3, 4)), p < Point(3, 5))
a, b = p
print(a, b, list(p), p.count(3), p.index(4))
R = namedtuple('R', 'a, def, _b, a', rename=True)
print(R._fields)
for bad in (['x', 'x'], ['_x'], ['1x'], ['class']):
    try:
        namedtuple('Bad', bad)
    except ValueError as e:
        print('ValueError:', e)
try:
    Point(1)
except TypeError as e:
    print('TypeError:', e)
try:
    Point._make([1, 2, 3])
except TypeError as e:
    print('TypeError:', e)
try:
    p._replace(z=3)
except ValueError as e:
    print('ValueError:', e)
class Point3(namedtuple('Point3', 'x y z')):
    __slots__ = ()
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
q = Point3(1, -2, 3)
print(q, q.norm1(), q._replace(z=0))
S = namedtuple('S', 'only')
print(S(5), S._make([6]))
