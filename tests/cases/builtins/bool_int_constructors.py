print(bool(), bool(0), bool(3), bool('0'), bool([None]), bool(0j))
print(int(), float(), str(), list(), tuple(), dict(), set(), complex())
print(list(range(3)), tuple([1]), set('aab') == {'a', 'b'}, dict(a=1), frozenset([1]) == frozenset({1}))
print(complex('1+2j'), complex(3), complex(1, -1), complex('-1.5j'))
