def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
g = echo()
print(g.send(None))
print(g.send('a'), g.send('b'))
try:
    g.send(None)
except StopIteration as e:
    print('done', e.value)
g2 = echo()
try:
    g2.send('x')
except TypeError as e:
    print(e)
