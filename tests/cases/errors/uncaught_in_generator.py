def numbers():
    yield 1
    yield 2
    raise StopIteration_like('done')
class StopIteration_like(Exception):
    pass
for n in numbers():
    print(n)
