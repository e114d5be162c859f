import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1
    def describe(self): return self.name.lower()
print(Color.RED, repr(Color.RED), Color(2), Color['RED'], list(Color), Color.RED.name, Color.RED.value, type(Color.RED), Color)
print(Color.CRIMSON is Color.RED, Color.GREEN.describe(), len(Color), Color.RED in Color, hash(Color.RED) == hash(Color.RED))
class N(enum.IntEnum):
    A = 1
    B = enum.auto()
print(N.A, repr(N.B), N.A + 1, N.B == 2, format(N.A), f'{Color.RED}', str(N.A), N(2), sorted([N.B, N.A]))
try: Color(5)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(e)
class F(enum.Flag):
    R = enum.auto(); W = enum.auto(); X = enum.auto()
print(F.R | F.W, repr(F.R|F.W), F.R in (F.R|F.W), F(0), repr(F(0)), list(F.R|F.X), bool(F(0)), ~F.R)
class S(str, enum.Enum):
    A = 'a'
print(S.A, repr(S.A), S.A == 'a', Color.__members__)
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
Animal = enum.Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
class SE(enum.StrEnum):
    X = enum.auto()
print(SE.X, repr(SE.X), SE.X == 'x')
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
class Perm(enum.IntFlag):
    R = 4; W = 2; X = 1
print(Perm.R | Perm.W, repr(Perm.R | Perm.W), Perm.R | 1, Perm(7))
print(isinstance(Color.RED, Color), Color.RED == 1, N.A == 1, {Color.RED: 'r'}[Color.RED])
class Weekday(enum.Enum):
    MON = enum.auto()
    TUE = enum.auto()
    @property
    def is_first(self):
        return self is Weekday.MON
    @classmethod
    def first(cls):
        return cls.MON
print(Weekday.first(), Weekday.MON.is_first, Weekday.TUE.is_first, [d.name for d in reversed(Weekday)])
try:
    class More(Color):
        BLUE = 3
except TypeError as e:
    print('TypeError:', e)
print({Color.RED: 'red', Color.GREEN: 'green'}[Color(2)])
