gv = 'global value'
def f(p):
    q = p * 2
    return sorted(locals().items())
print(f(3))
print('gv' in globals(), globals()['gv'], '__name__' in globals(), __name__)
g = globals()
g['injected'] = 'hi'
print(injected)
print(sorted(k for k in globals() if not k.startswith('_'))[:6])
