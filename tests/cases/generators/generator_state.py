def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
c = counter(3)
print(list(c), list(c))
import inspect
g = counter(2)
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
list(g)
print(inspect.getgeneratorstate(g))
def fresh():
    yield
print(fresh().__name__, fresh.__name__, counter.__qualname__)
