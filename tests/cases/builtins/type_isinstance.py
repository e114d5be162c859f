for v in [1, 1.0, 'a', b'a', None, True, [], (), {}, set(), frozenset(), range(1), 1j, len, type]:
    print(type(v).__name__, isinstance(v, object))
print(type(1) is int, type('a') == str, type(type(1)), type(None)())
T = type('T', (), {'x': 1})
print(T.__name__, T().x, type(T))
