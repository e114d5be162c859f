class Counter:
    instances = []
    total = 0
    def __init__(self, name):
        self.name = name
        Counter.instances.append(name)
        self.total += 1
a = Counter('a'); b = Counter('b')
print(Counter.instances, Counter.total, a.total, b.total)
Counter.total = 100
print(a.total, b.total)
class Sub(Counter):
    total = -1
print(Sub('s').total, Counter.instances, Sub.instances is Counter.instances)
Counter.newattr = 'added'
print(a.newattr, hasattr(Sub, 'newattr'))
del Counter.newattr
print(hasattr(a, 'newattr'))
