s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s)
s.add(0); s.add(3)
print(s)
s.discard(10); s.remove(1)
print(s)
print(set(), set([5, 4, 4]), set(range(5)), {1, 2} == {2, 1})
try:
    s.remove(99)
except KeyError as e:
    print(repr(e))
print(s.pop(), s)
s.clear(); print(s)
