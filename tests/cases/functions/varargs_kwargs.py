def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
def g(a, *rest, key=None, **extra):
    print(a, rest, key, extra)
g(1)
g(1, 2, 3, key='k', z=26)
args = (10, 20)
kw = {'key': 'K', 'other': 1}
g(*args, **kw)
g(*'xy', *[1], **{'a2': 1}, key=5)
def total(*nums):
    return sum(nums)
print(total(), total(1, 2, 3), total(*range(10)))
