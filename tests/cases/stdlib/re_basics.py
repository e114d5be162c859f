import re
print(re.findall(r'\d+', 'a1b22c333'), re.sub(r'\s+', ' ', 'a   b \n c'), bool(re.match('ab', 'abc')))
print(re.sub('x*', '-', 'abxd'), re.split(r'[,;]\s*', 'a, b;c,  d'), re.split(r'(,)', 'a,b'))
m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe smith')
print(m, m.group(0), m.group(1, 2), m['last'], m.groupdict(), m.span(2), m.start(), m.end(1), m.lastindex, m.lastgroup)
print(re.search(r'o+', 'foo boo'), re.fullmatch(r'[a-z]+', 'abc'), re.fullmatch(r'[a-z]+', 'abc1'))
print(re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'a(b)?', 'ab a'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home'), re.sub(r'(?P<x>\d)', r'<\g<x>>', 'a1b2'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'), re.subn('a', 'b', 'aaa', count=2))
print(repr(re.compile('a+')), repr(re.compile('x', re.I)), re.I, re.I | re.M)
print(re.match('(?i)hello', 'HeLLo'), re.findall('^x', 'x\nx', re.M), re.findall('a.b', 'a\nb', re.S))
print(re.findall(r'\bfoo\b', 'foo foobar (foo)'), re.findall(r'(?<=\$)\d+', 'cost $30 or $45'), re.findall(r'\d+(?!px)', '10px 20em'))
print(re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups(), re.match(r'(a+?)(a*)', 'aaa').groups())
print(re.escape('a.b*c'), re.findall(r'[^a-c]', 'abcdef'), re.findall(r'[\w.-]+@[\w.-]+', 'x a.b@c.org y'))
print(re.match(r'(\w+) \1', 'hey hey you').group(), re.findall(r'x{2,3}', 'xxxxxxx'), re.findall(r'x{2,}?', 'xxxxx'))
try:
    re.compile('(')
except re.error as e:
    print('error:', e)
try:
    re.compile('a**')
except re.error as e:
    print('error:', e)
p = re.compile(r'''
    (\d{3})  # area
    [-.]?
    (\d{4})  # number
''', re.VERBOSE)
print(p.match('555-1234').groups(), p.groups, p.groupindex)
print(re.findall(rb'\d', b'a1b2'), re.sub(b'a', b'X', b'banana'))
print([m.span() for m in re.finditer(r'\w+', 'hi there you')])
print(re.split(r'\s*', 'ab c'), re.split('x', 'axbxc', maxsplit=1))
print(re.match(r'^(\d+)\.(\d+)$', '3.14').groups(), re.search(r'colou?r', 'my color').group())
print(re.findall(r'[A-Z][a-z]*', 'HelloWorldFoo'), re.sub(r'([a-z])([A-Z])', r'\1_\2', 'camelCaseName').lower())
print(re.match('a|b|', 'c'), re.findall('', 'ab'))
