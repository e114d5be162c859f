data = [3, 1, 3, 2, 1, 5, 3]
print(len(set(data)), sorted(set(data)))
seen = set(); out = []
for x in data:
    if x not in seen:
        seen.add(x); out.append(x)
print(out)
print(list(dict.fromkeys(data)))
print(set('mississippi') == set('mips'), len(set('mississippi')))
