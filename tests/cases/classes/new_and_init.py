class Singleton:
    _inst = None
    def __new__(cls, *a):
        print('__new__', cls.__name__, a)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print('__init__', v)
        self.v = v
a = Singleton(1); b = Singleton(2)
print(a is b, a.v)
class NotInit:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never')
print(NotInit())
class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
p = Pt(1, 2)
print(p, p[0], type(p).__name__, isinstance(p, tuple))
