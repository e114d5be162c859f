def running_avg():
    total = 0.0; n = 0; avg = None
    while True:
        v = yield avg
        total += v; n += 1
        avg = total / n
g = running_avg()
next(g)
for v in [10, 20, 30, 40]:
    print(g.send(v))
