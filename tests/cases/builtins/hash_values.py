for v in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**64, -2**64, 10**20, True, False, 1.0, 0.5, -0.5, 1.5, 1e100, float('inf'), (), (1,), (1, 2), ((1, 2), 3), (0.5, -1), None if False else 123]:
    print(repr(v), hash(v))
print(hash(2.0) == hash(2), hash(-0.0) == hash(0))
