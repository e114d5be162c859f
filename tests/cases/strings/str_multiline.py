s = """line one
  line two
line three"""
print(s)
print(len(s.splitlines()), s.count('\n'))
t = ('implicit '
     'concatenation')
print(t)
u = 'backslash \
continuation'
print(u)
print('''it's "quoted"''')
