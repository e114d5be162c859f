import sys
a = sys.intern('hello world!'); b = sys.intern(''.join(['hello ', 'world!']))
c = ''.join(['hello ', 'world!'])
print(a is b, a is c, a == c)
