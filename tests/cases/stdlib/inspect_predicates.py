import inspect, abc
class A(abc.ABC):
    @abc.abstractmethod
    def f(self):
        """  Do
            things.
        """
def gen():
    yield
def plain(): pass
print(inspect.isclass(A), inspect.isfunction(plain), inspect.ismethod(A.f), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(plain))
print(inspect.isgenerator(gen()), inspect.isbuiltin(len), inspect.isroutine(plain), inspect.isabstract(A), inspect.ismodule(inspect))
print(repr(inspect.getdoc(A.f)), inspect.cleandoc('  a\n    b\n  c'), inspect.getmro(bool))
class P:
    x = 1
    def m(self): pass
print([n for n, v in inspect.getmembers(P) if not n.startswith('_')], [n for n, v in inspect.getmembers(P(), inspect.ismethod)])
import functools
@functools.wraps(plain)
def w(): pass
print(inspect.unwrap(w) is plain, inspect.getattr_static(P(), 'x'))
