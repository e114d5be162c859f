count = 0
def g():
    global count
    count += 1
    return 5
print(1 < g() < 10, count)
print(1 < g() > 10, count)
print(10 < g() < 20, count)
