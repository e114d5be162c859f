counter = [0]
def make():
    counter[0] += 1
    return counter[0]
def f(x=make()):
    return x
print(f(), f(), counter)
import_time = 'early'
def g(v=import_time):
    return v
import_time = 'late'
print(g())
