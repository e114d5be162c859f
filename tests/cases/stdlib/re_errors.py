# re.error messages and positions (msg, pos, lineno, colno), and the other
# exceptions compile() raises.
import re
pats = ['(', ')', 'a)', '(?', '(?P', '(?P<', '(?P<>a)', '(?P<a', '(?P<a>', '(?P<1a>x)', '(?P<a>x)(?P<a>y)',
        '(?P=', '(?P=a', '(?P=a)', '(?P<a>(?P=a))', '(?Px)', '(?<', '(?<x)', '(?<=a+)b', '(?<=a|bc)d', '[', '[a', '[a-', '[^',
        '[z-a]', r'[\d-z]', r'[a-\d]', '*', 'a**', 'a*+*', '+a', '?', '{1}', 'a{2,1}', 'a{1,2}{3}', r'\\', '\\',
        r'\q', r'[\q]', r'\x1', r'\x', r'\u12', r'\U0011ffff', r'\U1234', r'\N', r'\N{', r'\N{foo}', r'\N{EM DASH',
        r'\400', r'[\400]', r'\8', r'[\8]', r'\1', r'(a)\2', r'(a\1)', r'(?<=(a)\1)b', r'(?i', '(?i-', '(?i-:a)', '(?-i:a)',
        '(?ii)', '(?-)', '(?i-i:a)', '(?a)(?u)x', '(?au)x', '(?-a:x)', '(?L)x', '(?z)', '(?iz)', '(?i-z:a)', '(?i-1:a)', '(?i1)',
        'x(?i)', '(?i)(?m)a', 'a|(?i)b', '(?x)(?i)a', '(?#abc', '(?(', '(?()', '(?(1)', '(?(1)a', '(?(1)a|b|c)', '(?(0)a)',
        '(?(-1)a)', '(?(a)b)', '(?(1a)b)', '(?(99)a)', '(a)(?(2)b)', '(?(1)a)(b)', '(?>', '(?>a', '(?t:a)', '(?-t:a)',
        'a\n(', '(\n\n', '\n)', 'ab\ncd[', '(?P<a>a)(?P<b>b)(?P<a>c)', '(?P<a-b>x)', '(?P<\u00e9>x)(?P=\u00e9)', '\\g', '(?<=\\b)x',
        '(?<=a{2})x', '(?<=a{2,3})x', '(?<!ab|c)x', '(?P<x>a)(?(x)b|c)', '(a)(?(1)(?P<n>b))', '(?<=(?P<a>x))(?P=a)', 'a{4294967295}',
        'a{4294967294}', '(?x)[a', '[]', '[^]', 'a{,}', '(?(1', '(?P>x)', '(?<>x)', 'x{2}{3}', '(?:)*', '^*', '$+', r'\b*', r'\A?']
for p in pats:
    try:
        r = re.compile(p)
        print('ok', repr(p), r.groups)
    except re.error as e:
        print('re.error', repr(p), '|', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(type(e).__name__, repr(p), e)
for p in [b'(', b'\\q', b'[\xe9-a]', b'\\u1234', b'(?u)x', b'(?L)x', b'(?a)x', b'(?aL)x', b'\\N{EM DASH}']:
    try:
        r = re.compile(p)
        print('ok', repr(p), r.groups, r.flags)
    except re.error as e:
        print('re.error', repr(p), '|', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(type(e).__name__, repr(p), e)
for args in [('a', re.L), ('a', re.A | re.U), (b'a', re.U), (b'a', re.A | re.L), (b'a', re.L), (5, 0), ([1], 0), (re.compile('a'), re.I), (bytearray(b'a'), 0)]:
    try:
        print(re.compile(*args))
    except Exception as e:
        print(type(e).__name__, e)
for n in (100, 495, 496, 100000):
    try:
        re.compile('(' * n + ')' * n)
        print(n, 'ok')
    except RecursionError as e:
        print(n, 'RecursionError', e)
for flags in (-1, 1 << 40):
    for pat in ('a', b'a', '('):
        try:
            print(re.compile(pat, flags))
        except Exception as e:
            print(type(e).__name__, e)
