# A huge length hint must give MemoryError (CPython preallocates from it),
# never an abort.
def star(r):
    return [*r]


def call(r):
    return (lambda *a: len(a))(*r)


for make in (list, tuple, sorted, star, call):
    try:
        make(range(2**50))
    except MemoryError as e:
        print(make.__name__, "MemoryError", e.args)

x = [1, 2]
try:
    x.extend(range(2**50))
except MemoryError:
    print("extend: MemoryError", x)


class Hint:
    def __iter__(self):
        return iter([1, 2, 3])

    def __length_hint__(self):
        return 2**55


for make in (list, tuple):
    try:
        print(make(Hint()))
    except MemoryError:
        print(make.__name__, "MemoryError from __length_hint__")
print(list(iter(Hint())))
