def f(a: int, b: 'str' = 'x', *args: float, **kw: bool) -> list:
    return [a, b]
print(f(1), f.__annotations__)
x: int = 5
y: list
print(x, __annotations__)
class C:
    a: int
    b: str = 'b'
print(C.__annotations__, C.b, hasattr(C, 'a'))
