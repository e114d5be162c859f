import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(1, 2), operator.sub(5, 3), operator.mul('ab', 3), operator.truediv(7, 2),
      operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(4))
print(operator.lt(1, 2), operator.ge(1, 2), operator.eq('a', 'a'), operator.not_(0), operator.truth([]))
print(operator.contains([1, 2], 2), operator.getitem('abc', 1), operator.index(7), operator.concat([1], [2]))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 5), operator.inv(5))
lst = [1, 2, 3]
operator.setitem(lst, 0, 'x'); operator.delitem(lst, 1)
print(lst, operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
print(operator.iadd([1], [2]), operator.is_(None, None), operator.abs(-3))

rows = [('bob', 30, 'x'), ('alice', 25, 'y'), ('carol', 35, 'z')]
print(sorted(rows, key=itemgetter(1)))
print(list(map(itemgetter(0, 2), rows)))
print(itemgetter(1)('abc'), itemgetter(slice(1, None))('abcd'))

class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct='!'):
        return f'{greeting}, {self.name}{punct}'
p = P('ann', P('ben'))
print(attrgetter('name')(p), attrgetter('inner.name')(p), attrgetter('name', 'inner.name')(p))
print(methodcaller('greet', 'hi')(p), methodcaller('greet', 'yo', punct='?')(p))
print(methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'))
print(repr(itemgetter(1, 'a')), repr(attrgetter('x.y')), repr(methodcaller('m', 1, k=2)))
