def level3():
    raise KeyError('level3')
def level2():
    try:
        level3()
    except KeyError as e:
        raise ValueError('level2') from e
def level1():
    try:
        level2()
    except ValueError as e:
        raise RuntimeError('level1')
try:
    level1()
except RuntimeError as e:
    chain = []
    x = e
    while x is not None:
        chain.append(type(x).__name__ + ':' + str(x))
        x = x.__cause__ or x.__context__
    print(chain)
