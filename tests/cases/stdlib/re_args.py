# Argument handling of the Pattern, Match and scanner methods.
import re
p = re.compile(r'(a)(?P<n>b)?')
m = p.match('ab')
tests = [lambda: p.match(), lambda: p.match('a', 'x'), lambda: p.match('a', 0, 1, 2), lambda: p.match(string='ab'), lambda: p.match('a', foo=1),
         lambda: p.search('ab', pos=True), lambda: p.sub('x'), lambda: p.sub('x', 'a', 'b'), lambda: p.split('ab', maxsplit='1'),
         lambda: p.findall(b'ab'), lambda: p.findall(None), lambda: m.group(0, 'n', 1), lambda: m.start('zz'), lambda: m.span(3),
         lambda: m.groups(default=1), lambda: m.groupdict(None), lambda: m.expand(), lambda: m.expand(1), lambda: m.end(group=1),
         lambda: re.compile(r'a', re.T), lambda: re.compile(r'a*', re.T), lambda: re.template(r'a*'), lambda: re.compile('a', 3.5),
         lambda: re.match('a', 'a', flags=re.I), lambda: re.compile('a').scanner('a').match(1), lambda: p.fullmatch('ab', endpos=1),
         lambda: re.sub('(?P<a>x)', r'\g<a>', 'x', 1, re.I), lambda: re.compile('x').sub(repl='y', string='xx', count=1),
         lambda: m['n'], lambda: m[1.5], lambda: re.I | 1, lambda: re.I & re.M, lambda: m.regs[1],
         lambda: re.compile('(?x) a # c\n b').pattern, lambda: m.start(0, 1), lambda: m.span(0, 1, 2), lambda: m.group(x=1),
         lambda: m.groups(1, 2), lambda: m.expand('a', 'b'), lambda: m.expand(template='a'), lambda: m.__copy__(1), lambda: m.__deepcopy__(),
         lambda: p.__deepcopy__(1, 2), lambda: p.__deepcopy__({}) is p, lambda: re.compile('a').scanner('a').search(1)]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
