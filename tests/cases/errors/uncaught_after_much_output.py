for i in range(2000):
    print('line', i)
raise RuntimeError('after output')
