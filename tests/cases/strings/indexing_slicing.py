s = 'abcdefghij'
print(s[0], s[-1], s[3], s[-4])
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[:])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[-1:-5:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[2:100])
print(s[1:9:3], s[slice(2, 6)], s[slice(None, None, -3)])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[::0]
except ValueError as e:
    print(e)
u = 'héllo wörld ω€😀'
print(len(u), u[1], u[-1], u[-3:], u[::-1])
