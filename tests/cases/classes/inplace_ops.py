class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        print('iadd'); self.items.append(x); return self
    def __add__(self, x):
        print('add'); n = Acc(); n.items = self.items + [x]; return n
a = Acc(); orig = a
a += 1
print(a is orig, a.items)
a = a + 2
print(a is orig, a.items, orig.items)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
o = OnlyAdd(1); o2 = o
o += 5
print(o.v, o2.v, o is o2)
