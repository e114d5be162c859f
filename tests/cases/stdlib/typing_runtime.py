import typing as t
from typing import List, Dict, Optional, Union, Any, Callable, Tuple, TypeVar, Generic, NamedTuple
print(t.List[int], t.Dict[str, int], t.Optional[int], t.Union[int, str], t.Any, t.Callable[[int], str], t.Tuple[int, ...], t.List, t.Iterable[int])
T = t.TypeVar('T'); print(T, t.Literal[1, 'a'], t.ClassVar[int], t.Final[int], t.Type[int])
class P(t.NamedTuple):
    x: int
    y: int = 0
    def total(self): return self.x + self.y
print(P(1), P._fields, P.__annotations__, P(2, 3).total())
class TD(t.TypedDict):
    a: int
print(TD(a=1), t.cast(int, 'x'), t.get_type_hints(P))
print(t.Optional[t.List[int]], t.Union[int, None], t.Union[int], t.get_origin(t.List[int]), t.get_args(t.Dict[str,int]))
class G(t.Generic[T]):
    def __init__(self, v: T): self.v = v
print(G[int], G[int](5).v, G(3).v)
def f(a: int, b: 'str' = 'x') -> Optional[List[int]]:
    return None
print(t.get_type_hints(f))
print(isinstance([], t.Iterable), isinstance(3, t.Sequence), Union[int, str] == Union[str, int], t.Callable[..., int])
UserId = t.NewType('UserId', int)
print(UserId(5), UserId)
@t.runtime_checkable
class Closer(t.Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(3, Closer))
E = NamedTuple('E', [('name', str), ('id', int)])
print(E('a', 1))
print(t.get_args(t.Callable[[int, str], bool]), t.Dict, List[Tuple[int, str]])
