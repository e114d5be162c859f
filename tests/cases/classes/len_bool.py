class Box:
    def __init__(self, items): self.items = items
    def __len__(self): return len(self.items)
class Flag:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print('bool called'); return self.v
class Both:
    def __len__(self): return 0
    def __bool__(self): return True
print(len(Box([1, 2])), bool(Box([])), bool(Box([0])), bool(Flag(False)), bool(Both()))
if Box([]):
    print('nonempty')
else:
    print('empty')
print('yes' if Flag(True) else 'no', not Flag(False))
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print(e)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
print(bool(object()))
