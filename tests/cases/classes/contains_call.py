class Evens:
    def __contains__(self, x):
        print('contains', x)
        return x % 2 == 0
e = Evens()
print(4 in e, 3 in e, 3 not in e)
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, times=1):
        return self.n * times + x
add5 = Adder(5)
print(add5(1), add5(1, times=3), callable(add5), callable(Evens()), callable(Adder))
print(list(map(add5, [1, 2])))
