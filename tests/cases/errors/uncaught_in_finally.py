def f():
    try:
        return 1
    finally:
        print('in finally')
        raise OSError('from finally')
f()
