print(str(1), str(-1.5), str(True), str(None), str([1]), str((1,)), str({1: 2}))
print(str(b'abc', 'utf-8'), str(b'\xc3\xa9', encoding='utf-8'))
class A:
    def __str__(self): return 'A-str'
class B:
    def __repr__(self): return 'B-repr'
print(str(A()), str(B()), repr(B()), [A()] == [A()], [B()])
print(type(str(5)).__name__, str('x') == 'x')
