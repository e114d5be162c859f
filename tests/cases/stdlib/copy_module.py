import copy

a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99)
a[2]['k'].append(5)
print(b, c, b[1] is a[1], c[1] is a[1])
t = (1, 2, (3, 4))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)

class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __repr__(self):
        return f'Node({self.val}, {self.children})'

root = Node(1, [Node(2), Node(3)])
shallow = copy.copy(root)
deep = copy.deepcopy(root)
root.children[0].val = 20
print(shallow, deep, shallow.children is root.children)

cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc[0])

class Custom:
    def __init__(self, x): self.x = x
    def __copy__(self):
        return Custom(self.x + 1)
    def __deepcopy__(self, memo):
        return Custom(self.x + 100)
print(copy.copy(Custom(1)).x, copy.deepcopy(Custom(1)).x, copy.deepcopy([Custom(1)])[0].x)

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]; self.b = 2
s = copy.deepcopy(Slotted())
print(s.a, s.b)
d = {'x': {1, 2}, 'y': frozenset([3])}
dd = copy.deepcopy(d)
print(dd == d, dd['x'] is d['x'])
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
