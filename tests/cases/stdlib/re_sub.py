# sub/subn: templates (\1, \g<name>, \g<0>, octal and other escapes),
# callables, counts, empty matches, and template errors.
import re

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'pos', '-'))

p = re.compile(r'(?P<a>\w)(?P<b>\d)?')
for repl in [r'\1', r'\2', r'\g<a>', r'\g<b>', r'\g<0>', r'\g<2>-\g<1>', r'[\0]', r'\01', r'\011', r'\07x', r'\12', r'\1\2\3',
             r'\g<c>', r'\g<3>', r'\g<-1>', r'\g<1a>', r'\g<>', r'\g<a', r'\g', r'\gx', r'\x', r'\q', r'\-', r'\\', r'\n\t\r\f\v\a\b',
             r'\400', r'\777', r'\8', 'plain', '', r'\g<99999999999999999999>', '\\', 'a\\']:
    t(lambda: p.sub(repl, 'x1y'))
t(lambda: re.sub('a', 1, 'a'))
t(lambda: re.sub('a', b'x', 'ba'))
t(lambda: re.sub('a', lambda m: 5, 'ba'))
t(lambda: re.sub('a', lambda m: None, 'bab'))
t(lambda: re.sub('(a)', lambda m: m.group(1) * 2 + str(m.start()), 'banana'))
t(lambda: re.subn('a', '-', 'aaaa', count=3))
t(lambda: re.subn('a', '-', 'aaaa', count=-1))
t(lambda: re.sub('a', '-', 'aaaa', 0))
t(lambda: re.sub('x*', '-', 'abxd'))
t(lambda: re.sub('(?=b)|x', '-', 'abxb'))
t(lambda: re.subn(r'\b', '|', 'ab cd'))
t(lambda: re.sub('$', '!', 'a\nb\n'))
t(lambda: re.sub('(?m)$', '!', 'a\nb\n'))
t(lambda: re.sub('(a)|(b)', r'[\1\2]', 'abc'))
t(lambda: re.compile('(a)(b)').sub(r'\2\1', 'abab', 1))
t(lambda: re.sub('a', repl='b', string='aa', count=1))
t(lambda: re.compile('a').sub(repl='b', string='aa'))
t(lambda: re.compile('a').sub('b'))
t(lambda: re.compile(r'(\d+)').sub(lambda m: str(int(m.group(1)) + 1), 'a9 b99'))
t(lambda: re.sub(r'(?P<y>\d{4})-(?P<m>\d\d)', r'\g<m>/\g<y>', 'on 2026-12 and 2027-01'))
m = re.match(r'(?P<a>x)(y)?', 'x')
for tmpl in [r'\g<a>\2', r'\1\1', r'\g<0>', r'<\3>', r'\g<z>', 'no refs']:
    t(lambda: m.expand(tmpl))
t(lambda: re.match(b'(a)', b'a').expand(rb'[\1]'))
t(lambda: re.match(b'(a)', b'a').expand('[\\1]'))
