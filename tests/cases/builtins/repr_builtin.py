print(repr(1), repr('a'), repr([1, 'a']), repr(None), repr(1.0), repr(b'x'), repr(range(3)), repr(range(1, 5, 2)))
print(repr(slice(1, 2)), repr(slice(None)), repr(...), repr(NotImplemented), repr(int), repr(frozenset({1})))
print(repr(dict(a=[1, (2, 3)])), repr(set()), repr({'a'}), repr(1 + 2j), repr(-0j), repr(complex(1.5, -2)))
print(ascii('é'), ascii(['ω']), repr(type(print)), repr(len))
