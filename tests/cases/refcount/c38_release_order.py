class P:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
l = [P(1), P(2), P(3)]
del l
print('--')
d = {'a': P(1), 'b': P(2)}
del d
