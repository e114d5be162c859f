class Simple:
    cls_attr = 1
    def __init__(self):
        self.x = 1
        self.y = 2
    def method(self):
        pass
s = Simple()
print(vars(s))
print(sorted(n for n in dir(s) if not n.startswith('__')))
print(sorted(n for n in dir(Simple) if not n.startswith('__')))
print(sorted(dir(Simple)) == dir(Simple))
print([n for n in dir(object())][:5])
print('append' in dir([]), 'keys' in dir({}), '__len__' in dir('x'))
