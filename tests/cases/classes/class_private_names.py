class A:
    def __init__(self):
        self.__secret = 'a'
        self._prot = 'p'
    def reveal(self):
        return self.__secret
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = 'b'
b = B()
print(b.reveal(), b._B__secret, b._A__secret, b._prot)
print(sorted(b.__dict__))
try:
    b.__secret
except AttributeError as e:
    print(e)
