records = [('alice', 30), ('bob', 25), ('carol', 30), ('dave', 25), ('eve', 35)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: (-r[1], r[0])))
import operator
print(sorted(records, key=operator.itemgetter(1, 0)))
print(list(map(operator.itemgetter(0), records)), operator.attrgetter('real')(5))
print(sorted([3, 1, 2], key=None), sorted([], reverse=True))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(e)
