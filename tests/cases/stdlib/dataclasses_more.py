from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError

@dataclass
class Inventory:
    name: str
    qty: int = 0
    tags: list = field(default_factory=list)
    secret: str = field(default='s', repr=False, compare=False)

a = Inventory('bolt', 3)
b = Inventory('bolt', 3, secret='other')
print(a, a == b, a != Inventory('nut'), a.tags is not Inventory('x').tags)
print([f.name for f in fields(a)], asdict(a), astuple(a))
print(replace(a, qty=9), is_dataclass(a), is_dataclass(Inventory), is_dataclass(3))
print(Inventory.__hash__ is None)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9))
print(hash(Version(1, 2)) == hash(Version(1, 2)), len({Version(1), Version(1, 0)}))
try:
    Version(1).major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del Version(1).minor
except AttributeError as e:
    print(e)

@dataclass
class Point:
    x: float
    y: float = 0.0
    def __post_init__(self):
        self.dist = (self.x ** 2 + self.y ** 2) ** 0.5

@dataclass
class Point3(Point):
    z: float = 0.0
p = Point3(3, 4, 12)
print(p, p.dist, [f.name for f in fields(Point3)])

try:
    @dataclass
    class Bad:
        x: int = 1
        y: int
except TypeError as e:
    print('TypeError:', e)
try:
    @dataclass
    class Bad2:
        items: list = []
except ValueError as e:
    print('ValueError:', e)

@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), Ident(1).__hash__ is not None)

@dataclass
class Nested:
    inner: Point
    others: list
print(asdict(Nested(Point(1, 1), [Point(2, 0)])))

@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int
print(Opts(level=3))
try:
    Opts(1)
except TypeError as e:
    print('TypeError')
print(Version.__match_args__, Point(1).__match_args__)
