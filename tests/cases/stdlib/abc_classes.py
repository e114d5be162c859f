from abc import ABC, ABCMeta, abstractmethod

class Base(ABC):
    @abstractmethod
    def run(self): ...
    @abstractmethod
    def stop(self): ...
    def both(self):
        return self.run() + self.stop()

class Half(Base):
    def run(self): return 1

class Full(Half):
    def stop(self): return 2

for cls in (Base, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Full().both(), isinstance(Full(), Base), issubclass(Full, Half))
print(sorted(Base.__abstractmethods__), sorted(Half.__abstractmethods__), Full.__abstractmethods__)

class Plugin(metaclass=ABCMeta):
    @abstractmethod
    def load(self): pass

class Thing:
    def load(self): return 'loaded'

print(issubclass(Thing, Plugin), isinstance(Thing(), Plugin))
Plugin.register(Thing)
print(issubclass(Thing, Plugin), isinstance(Thing(), Plugin), Thing().load())

class Sub(Thing): pass
print(issubclass(Sub, Plugin), issubclass(int, Plugin))

class Drawable(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return any('draw' in B.__dict__ for B in C.__mro__)
        return NotImplemented

class Circle:
    def draw(self): pass
print(issubclass(Circle, Drawable), isinstance(3, Drawable))

class WithInit(ABC):
    def __init__(self, x):
        self.x = x
print(WithInit(5).x)
