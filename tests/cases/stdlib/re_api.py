# The Pattern, Match and scanner API, module functions, flags and Scanner.
import re, copy
p = re.compile(r'(?P<w>\w+)(?:-(?P<n>\d+))?')
m = p.search('  abc-12 x')
print(m, m.group(), m.group(0, 1, 2, 'w', 'n'), m.groups(), m.groupdict(), m.groupdict('D'), m.span(), m.span('n'))
print(m.start(), m.end(), m.start(2), m.end('w'), m.lastindex, m.lastgroup, m.re is p, m.string, m.pos, m.endpos, m.regs)
print(m[0], m['w'], m[2], m.expand(r'<\g<w>|\2|\g<0>>'), bool(m), type(m).__name__, type(m).__module__, type(p).__name__, type(p).__module__)
m2 = p.search('  xyz q')
print(m2.groups(), m2.groups(0), m2.lastindex, m2.lastgroup, m2.span(2), m2.expand(r'[\2]'), repr(m2.group(2)))
for bad in [3, -1, 'zz', 1.5, None, [1]]:
    try:
        m.group(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(p.pattern, p.flags, p.groups, p.groupindex, dict(p.groupindex), repr(p), p == re.compile(p.pattern), hash(p) == hash(re.compile(p.pattern)))
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(m) is m, re.compile(p) is p)
print(p.match('abc', 1), p.match('abc', 1, 2), p.fullmatch('abc-1'), p.fullmatch('abc-1', 0, 3), p.search('abc', pos=2), p.search('a b', endpos=1))
print(p.findall('ab-1 cd ef-22'), list(map(lambda m: m.span(), p.finditer('ab-1 cd ef-22', 3))), p.findall('ab cd', 1, 4))
print(re.findall(r'(a)(b)?', 'ab a'), re.findall('', 'abc'), re.findall('a|', 'bab'), re.findall(r'\b', 'a b'))
print(re.split(r'\W+', 'a, b, c'), re.split(r'(\W+)', 'a, b'), re.split(r'\W+', 'a, b, c', 1), re.split(r'\W+', 'a, b', maxsplit=-1))
print(re.split('x*', 'axbc'), re.split('(x)?y', 'ay xyb'), re.split('', 'ab'), re.split(r'\b', 'a b'), re.split('a', ''))
print(re.sub('a', 'b', 'aaa', 2), re.subn('a', 'b', 'aaa'), re.sub('x*', '-', 'abxd'), re.sub('', '-', 'ab'), re.sub('a', r'\n\t\\', 'a'))
print(re.sub(r'(\w)(\d)?', r'\2\1', 'a1b'), re.sub(r'(?P<x>a)', r'\g<x>\g<1>\g<0>', 'a'), re.sub('a', r'\0\101', 'a'), re.sub('(a)', r'\g<01>', 'a'))
print(re.sub('a', lambda m: None, 'bab'), re.sub('a', lambda m: m.group().upper(), 'banana'), re.subn('(a)', r'<\1>', 'banana', count=2))
print(re.sub('a', r'\-\:', 'a'), re.sub(r'x', '\\\\', 'x'), re.escape('a.b*c?d+e^f$g|h(i)j[k]l{m}n\\o p#q&r~s-t\tu\n'), re.escape(b'a.b\xff'))
sc = re.compile(r'\d').scanner('a1b22')
print(sc.pattern.pattern, sc.search(), sc.search(), sc.match(), sc.search(), sc.search())
sc = re.compile(r'\d').scanner('12a3')
print(sc.match(), sc.match(), sc.match(), sc.match(), sc.search())
it = re.finditer(r'\d+', 'a1 22 333')
print(type(it).__name__, [m.group() for m in it], list(it))
print(re.compile('x').search('x').__class__ is re.Match, isinstance(p, re.Pattern), re.Pattern, re.Match)
try:
    re.Pattern()
except TypeError as e:
    print('TypeError', e)
class S(str):
    pass
s = S('hello world')
m = re.search('o w', s)
print(type(m.string).__name__, type(m.group()).__name__, type(re.sub('x', 'y', s)).__name__, type(re.sub('o', 'y', s)).__name__)
t = 'hello'
print(re.sub('z', 'y', t) is t, re.split('z', t)[0] is t)
print(re.match('(a)|(b)', 'b').regs, re.match('(?:(a)|b)*', 'ab').groups(), re.match(r'(a)?b', 'b').expand(r'[\1]'))
print(re.compile(r'(?P<a>.)(?P<b>.)').match('xy').groupdict(), re.compile('(a)(?P<n>b)').groupindex)
print(re.match('a', 'a', re.I), re.compile('a', re.I|re.M), re.compile('(?i)a'), re.compile('(?i)a').flags, re.compile(b'a').flags)
print(repr(re.I), repr(re.I|re.M), repr(re.A|re.I), repr(~re.I), re.NOFLAG, re.RegexFlag(1024), re.I|re.M|2048, re.M.name, int(re.X), re.I == 2)
print(re.fullmatch('a|ab', 'ab'), re.match('a|ab', 'ab'), re.fullmatch(r'(a)*', 'aaa').span(1), re.search('$', 'ab\n').span(), re.findall('$', 'a\n'))
print(re.compile('a').search('bab', 5), re.compile('').search('abc', 2, 1), re.compile('').match('abc', 2, 1), re.compile('a').match('a', -5, 99))
m = re.search('b', 'abc', )
print(m.pos, m.endpos, re.compile('b').search('abc', 1, 2).endpos)
print(re.purge(), re.template('a') if False else '', re.compile('a' * 250), re.match('a' * 60, 'a' * 60))
print(re.Scanner([(r'\d+', lambda s, t: int(t)), (r'\s+', None), (r'[a-z]+', lambda s, t: t.upper())]).scan('12 ab 3 !x'))
import weakref
wp = re.compile('weak')
wr = weakref.ref(wp)
print(wr() is wp, weakref.getweakrefcount(wp))
del wp
print(wr())
try:
    weakref.ref(re.match('a', 'a'))
except TypeError as e:
    print('TypeError', e)
