import string, keyword, bisect, heapq, types

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable))
print(string.capwords('hello   big world'), string.capwords('a-b-c', '-'))
print(keyword.iskeyword('for'), keyword.iskeyword('print'), len(keyword.kwlist), keyword.issoftkeyword('match'))

xs = [1, 3, 3, 5, 8]
print(bisect.bisect(xs, 3), bisect.bisect_left(xs, 3), bisect.bisect_right(xs, 4), bisect.bisect_left(xs, 100))
bisect.insort(xs, 4); bisect.insort_left(xs, 3)
print(xs)
recs = [(1, 'a'), (5, 'b'), (9, 'c')]
print(bisect.bisect_left(recs, 5, key=lambda r: r[0]))

h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(3)], h[0])
data = [9, 4, 7, 1, 8]
heapq.heapify(data)
print(data[0], heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), sorted(data))
print(heapq.nlargest(2, [4, 1, 9, 7]), heapq.nsmallest(2, [4, 1, 9, 7]), heapq.nsmallest(1, ['bb', 'a'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3])))
pq = []
for prio, name in [(3, 'low'), (1, 'high'), (2, 'mid')]:
    heapq.heappush(pq, (prio, name))
print([heapq.heappop(pq)[1] for _ in range(3)])

ns = types.SimpleNamespace(a=1, b=[2])
ns.c = 3
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b=[2], c=3))
def fn(): pass
def gen(): yield
print(isinstance(fn, types.FunctionType), isinstance(gen(), types.GeneratorType),
      isinstance(types, types.ModuleType), isinstance(len, types.BuiltinFunctionType))
class K:
    def m(self): pass
print(isinstance(K().m, types.MethodType), types.FunctionType.__name__, types.ModuleType.__name__)
