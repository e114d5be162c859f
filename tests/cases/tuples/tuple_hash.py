print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1,)) != hash((2,)))
d = {(1, 2): 'a', (3,): 'b'}
print(d[(1, 2)], d[3,])
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
print(hash((1, 2)), hash(()), hash((-1,)), hash((1, (2, 3))))
