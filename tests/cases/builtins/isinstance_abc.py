from collections.abc import Iterable, Sequence, Mapping, Callable, Hashable, Sized
print(isinstance([], Iterable), isinstance([], Sequence), isinstance({}, Mapping), isinstance(len, Callable))
print(isinstance([], Hashable), isinstance((), Hashable), isinstance('x', Sized), isinstance(5, Iterable))
class MyIter:
    def __iter__(self): return iter([])
print(isinstance(MyIter(), Iterable), issubclass(dict, Mapping), issubclass(str, Sequence))
