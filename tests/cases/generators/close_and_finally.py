def g():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
it = g()
print(next(it))
it.close()
print('closed')
it.close()
print(list(g()))
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        print('got GeneratorExit')
        raise
it = ignore_exit(); next(it); it.close()
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
it = bad(); next(it)
try:
    it.close()
except RuntimeError as e:
    print(e)
