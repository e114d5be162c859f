g = 0
def bump():
    global g
    g += 1
bump(); bump()
print(g)
def define_global():
    global newname
    newname = 'created'
define_global()
print(newname)
def outer():
    a = 1
    def mid():
        nonlocal a
        a += 10
        def inner():
            nonlocal a
            a *= 2
        inner()
    mid()
    return a
print(outer())
x = 'module'
def shadow():
    x = 'local'
    return x
print(shadow(), x)
