s = 'hello'
try:
    s[0] = 'H'
except TypeError as e:
    print(e)
try:
    del s[0]
except TypeError as e:
    print(e)
t = s
s += '!'
print(s, t)
print(s.replace('h', 'H'), s)
