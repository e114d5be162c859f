# The list is empty while sort() runs keys and comparisons; any change that
# gives it storage meanwhile is reported (CPython sets `allocated` to -1),
# even when the list is empty again by the end. What was put in is dropped.

def trial(name, mutate):
    l = [3, 1, 2]
    calls = [0]
    def key(x):
        calls[0] += 1
        if calls[0] == 2:
            mutate(l)
        return x
    try:
        l.sort(key=key)
        print(name, "ok", l)
    except ValueError as e:
        print(name, "ValueError:", e, l)

trial("append", lambda l: l.append(9))
trial("append then clear", lambda l: (l.append(9), l.clear()))
trial("append then pop", lambda l: (l.append(9), l.pop()))
trial("insert then del", lambda l: (l.insert(0, 7), l.__delitem__(0)))
trial("extend from generator", lambda l: l.extend(x for x in []))
trial("extend from empty list", lambda l: l.extend([]))
trial("extend from empty iterator", lambda l: l.extend(iter([])))
trial("clear", lambda l: l.clear())
trial("imul 0", lambda l: l.__imul__(0))
trial("imul 2", lambda l: l.__imul__(2))
trial("assign empty slice", lambda l: l.__setitem__(slice(None), []))
trial("assign slice", lambda l: l.__setitem__(slice(None), [5]))
trial("nested sort", lambda l: l.sort())
trial("reverse", lambda l: l.reverse())
trial("seen", lambda l: print("  during sort:", len(l), l, 3 in l))
trial("init", lambda l: l.__init__([1, 2]))
trial("init empty", lambda l: l.__init__())

class K:
    def __init__(self, v, l):
        self.v, self.l = v, l
    def __lt__(self, other):
        self.l.append(0)
        return self.v < other.v

l = []
l.extend([K(2, l), K(1, l), K(3, l)])
try:
    l.sort()
except ValueError as e:
    print("__lt__ appends:", e, [k.v for k in l])

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

l = [2, 1]
def key(x):
    if x == 2:
        l.append(Noisy("intruder"))
    return x
try:
    l.sort(key=key)
except ValueError as e:
    print("intruder dropped:", e, l)

l = [3, 1, 2]
def bad(x):
    if x == 2:
        raise KeyError(x)
    l.append(1)
    return x
try:
    l.sort(key=bad)
except KeyError as e:
    print("key raises:", repr(e), l)

l = [5, 3, 4, 1]
try:
    l.sort(key=lambda x: (l.append(0), 1 / (x - 4))[1])
except ZeroDivisionError as e:
    print("error wins over modification:", e, l)
print(sorted([3, 1, 2], reverse=True))
