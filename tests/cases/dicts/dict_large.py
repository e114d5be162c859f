d = {}
for i in range(5000):
    d[i * 7 % 5003] = i
print(len(d), d[7], d[14], sum(d.keys()) % 1000)
for i in range(0, 5000, 2):
    del d[i * 7 % 5003]
print(len(d), list(d)[:5], list(d)[-3:])
s = {str(i): i for i in range(1000)}
print(s['999'], len(s), list(s)[:3])
