class C:
    count = 0
    def __init__(self):
        C.count += 1
    @classmethod
    def make(cls):
        return cls()
    @classmethod
    def how_many(cls):
        return cls.count
    @staticmethod
    def helper(x):
        return x * 2
class D(C):
    pass
C(); C.make(); d = D.make()
print(C.how_many(), D.how_many(), type(d).__name__, C.helper(4), C().helper(5))
print(type(C.__dict__['make']).__name__, type(C.__dict__['helper']).__name__)
print(C.make.__self__ is C, D.make.__self__ is D)
