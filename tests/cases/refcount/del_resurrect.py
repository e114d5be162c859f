keep = []
class R:
    def __init__(self, n): self.n = n
    def __del__(self):
        print('__del__', self.n)
        keep.append(self)
r = R(1)
del r
print('resurrected:', keep[0].n)
keep.clear()
print('cleared keep: __del__ is not called again')
