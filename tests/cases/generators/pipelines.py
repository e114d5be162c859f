def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x
print(list(take(5, evens(numbers()))))
import itertools
print(list(itertools.islice(numbers(), 3, 8)), list(itertools.takewhile(lambda x: x < 4, numbers())))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.product('ab', repeat=2)), list(itertools.permutations([1, 2, 3], 2))[:4])
print(list(itertools.combinations('abcd', 2)), list(itertools.zip_longest('ab', 'x', fillvalue='-')))
print([(k, list(v)) for k, v in itertools.groupby('aaabccd')])
print(list(itertools.repeat('z', 3)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
c = itertools.count(10, 5)
print(next(c), next(c), next(c))
