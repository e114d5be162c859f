class D(dict):
    def __missing__(self, key):
        return key * 2
d = D(a=1)
print(d['a'], d['xy'], d.get('xy'), 'xy' in d)
print(type(d).__name__, isinstance(d, dict), d)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u['k'] = 1
print(u)
