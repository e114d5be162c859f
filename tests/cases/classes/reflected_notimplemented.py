class Meters:
    def __init__(self, v): self.v = v
    def __repr__(self): return f'Meters({self.v})'
    def __add__(self, o):
        if isinstance(o, Meters):
            return Meters(self.v + o.v)
        if isinstance(o, (int, float)):
            return Meters(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print('radd called with', o)
        return self.__add__(o)
    def __eq__(self, o):
        if not isinstance(o, Meters):
            return NotImplemented
        return self.v == o.v
print(Meters(1) + Meters(2), Meters(1) + 5, 5 + Meters(1), sum([Meters(1), Meters(2)]))
try:
    Meters(1) + 'x'
except TypeError as e:
    print(e)
try:
    'x' + Meters(1)
except TypeError as e:
    print(e)
print(Meters(1) == Meters(1), Meters(1) == 1, Meters(1) != 'a')
class Left:
    def __lt__(self, o):
        print('Left.__lt__'); return NotImplemented
class Right:
    def __gt__(self, o):
        print('Right.__gt__'); return True
print(Left() < Right())
try:
    Left() < Left()
except TypeError as e:
    print(e)
class Sub(int):
    def __radd__(self, o):
        return 'Sub.__radd__ wins'
print(1 + Sub(2))
