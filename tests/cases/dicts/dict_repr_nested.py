d = {'list': [1, 2], 'dict': {'inner': {'deep': True}}, 'str': "it's", 'n': None}
print(d)
print(str(d) == repr(d))
r = {}
r['self'] = r
print(r)
print({'é': 'ω', 1: b'\x00'})
