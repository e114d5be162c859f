class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f'Point({self.x}, {self.y})'
s = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(s), Point(1, 2) in s, {Point(0, 0): 'origin'}[Point(0, 0)])
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__ is None)
try:
    hash(EqOnly())
except TypeError as e:
    print(e)
class Plain: pass
a = Plain()
print(a == a, a == Plain(), a != Plain(), hash(a) == hash(a))
class HashId:
    def __hash__(self): return 42
print(hash(HashId()), hash(HashId()) == 42)
class NegOne:
    def __hash__(self): return -1
print(hash(NegOne()))
