import sys
a = sys.intern('hello world!'); b = sys.intern(''.join(['hello ', 'world!']))
c = ''.join(['hello ', 'world!'])
print(a is b, a is c, a == c)
print('sys' in sys.modules, '__main__' in sys.modules, 'builtins' in sys.modules)
print(sys.modules['__main__'].__name__)
