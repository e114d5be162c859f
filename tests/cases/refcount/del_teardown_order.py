class Child:
    def __init__(self, n): self.n = n
    def __del__(self): print('child del', self.n)
class Parent:
    def __init__(self):
        self.first = Child(1)
        self.second = Child(2)
    def __del__(self):
        print('parent del, children alive:', self.first.n, self.second.n)
p = Parent()
del p
print('--')
class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = Child('slot a'); self.b = Child('slot b')
    def __del__(self): print('slotted del')
s = Slotted()
del s
print('end')
