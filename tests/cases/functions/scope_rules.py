x = 'global'
def read_global():
    return x
def local_shadow():
    x = 'local'
    return x
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print('UnboundLocalError:', e)
    x = 'later'
print(read_global(), local_shadow())
unbound()
def class_scope():
    y = 'func'
    class K:
        y = 'class'
        z = y
        def m(self):
            return y
    return K.z, K().m()
print(class_scope())
print(list(map(lambda: x, [])) if False else [x for _ in range(1)])
