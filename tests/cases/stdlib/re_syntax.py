# Pattern syntax: repeats, groups, backreferences, lookaround, conditionals,
# atomic groups, possessive repeats, classes, escapes, flags, case folding.
import re

def show(pat, s, flags=0):
    try:
        p = re.compile(pat, flags)
    except Exception as e:
        print('E', repr(pat), type(e).__name__, e)
        return
    try:
        m = p.search(s)
        print(repr(pat), repr(s), m and (m.span(), m.groups(), m.lastindex), p.findall(s))
    except Exception as e:
        print('X', repr(pat), type(e).__name__, e)

cases = [
    (r'a*', 'aaa'), (r'a*?', 'aaa'), (r'a+?b', 'aaab'), (r'a{2}', 'aaaa'), (r'a{2,}', 'aaaaa'),
    (r'a{,2}', 'aaaa'), (r'a{1,3}?', 'aaaa'), (r'a{', 'a{'), (r'a{1', 'a{1'), (r'a{1,x}', 'a{1,x}'),
    (r'x{}', 'x{}'), (r'(a)(b)(c)?', 'ab'), (r'(?:a|b)+', 'abba'), (r'(a|b)*c', 'ababc'),
    (r'(a*)*', 'aaa'), (r'(a*)+', 'aaa'), (r'(a|)*', 'aa'), (r'(?P<x>a)(?P=x)', 'aa'),
    (r'(a)\1', 'aa'), (r'(a)(?:\1|b)', 'ab'), (r'(?i)abc', 'ABC'), (r'(?i:a)b', 'Ab'), (r'(?i:a)b', 'AB'),
    (r'a(?=b)', 'ab'), (r'a(?!b)', 'ab ac'), (r'(?<=a)b', 'ab'), (r'(?<!a)b', 'ab cb'),
    (r'(?<=ab|cd)e', 'cde'), (r'(a)?(?(1)b|c)', 'ab c'), (r'(?P<q>")?x(?(q)")', '"x" x'),
    (r'(?>a+)b', 'aaab'), (r'(?>a+)a', 'aaa'), (r'a++', 'aaa'), (r'a++a', 'aaa'), (r'a*+b', 'aab'),
    (r'a?+a', 'a'), (r'(ab)++', 'ababab'), (r'(?:ab)*+c', 'ababc'), (r'a{2}+', 'aaaa'),
    (r'\d+', 'a١٢٣b'), (r'\w+', 'héllo wörld'), (r'\s+', 'a\u2003b\x1cc'), (r'\bfoo\b', 'foo foobar'),
    (r'\Bo\B', 'foo'), (r'\B', ''), (r'\b', ''), (r'^', ''), (r'$', 'a\n'), (r'a$', 'a\n'), (r'a\Z', 'a\n'),
    (r'(?m)^b', 'a\nb'), (r'(?m)a$', 'a\nb'), (r'(?s).', '\n'), (r'.', '\n'), (r'\A\w', 'ab'),
    (r'[a-c]+', 'xabcx'), (r'[^a-c]+', 'abxyc'), (r'[]a]', ']'), (r'[^]a]', 'b]'), (r'[a-]', '-'),
    (r'[\d\s]+', '1 2'), (r'[\w.-]+', 'a.b-c'), (r'[\x41-\x43]', 'B'), (r'[\u0100-\u0200]', '\u0150'),
    (r'[\U0001F600]', '\U0001F600'), (r'\x41\u0042\U00000043', 'ABC'), (r'\101\0', 'A\0'), (r'\N{EM DASH}', '—'),
    (r'[\N{EM DASH}a]', '—'), (r'(?x) a b # c', 'ab'), (r'(?x)[ ]', ' '), (r'(?x)a\ b', 'a b'),
    (r'a|b|c', 'c'), (r'ab|ac', 'ac'), (r'x(a|b)y', 'xby'), (r'(?i)[a-z]+', 'HeLLo'), (r'(?i)[^a-z]', 'A1'),
    (r'(?i)\u212a', 'k'), (r'(?i)k', '\u212a'), (r'(?i)[k]', '\u212a'), (r'(?i)ß', 'SS'), (r'(?i)i', 'İı'),
    (r'(?i)s', 'ſ'), (r'(?i)[s-t]', 'ſ'), (r'(?i)σ', 'Σς'), (r'(?a)\w+', 'héllo'), (r'(?a:\w)+', 'hé'),
    (r'(?u)\w', 'é'), (r'(a)|(b)', 'b'), (r'(a)|b', 'b'), (r'((a)|b)+', 'ab'), (r'(a*)b\1', 'aabaa'),
    (r'(?:(a)|b)*', 'ab'), (r'(a)*', 'aaa'), (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'()', 'x'),
    (r'(?#comment)a', 'a'), (r'a(?#x)*', 'aa'), (r'[a&b]', '&'), (r'[a-b-]', '-'),
    (r'\(', '('), (r'\.', '.'), (r'\-', '-'), (r'(?i)[\w]', 'K'), (r'(?i)\b', 'a'),
    (r'a.c', 'abc\nadc'), (r'.*', 'ab\ncd'), (r'(?s).*', 'ab\ncd'), (r'x*', 'axxb'), (r'', 'abc'),
    (r'(?i)(a)\1', 'aA'), (r'(?<=\d{3})x', '123x'), (r'(?<=(a))b', 'ab'), (r'(?=(a))a', 'a'),
    (r'(?!(a)b)a', 'ac'), (r'[\b]', '\b'), (r'\b', 'a b'), (r'(?i)ǅ', 'ǆ'), (r'[^\W\d]', '1a'),
    (r'\W', 'a b'), (r'\S+', ' ab '), (r'\D', '1a'), (r'[\S\s]', 'x'), (r'(?L)\w', 'a'),
    (r'(?P<a>x)(?P<b>y)?', 'x'), (r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe'),
    (r'a{3,2}', 'a'), (r'a{99999999999}', 'a'), (r'(?i)ΐ', 'ΐ'), (r'(?i)[ΐ]', 'ΐ'), (r'(?i)[^ΐ]', 'ΐ'),
    ('\\\u00e9', 'é'), (r'(?i)\xe9', 'É'), (r'[\uffff-\U00010001]', '\U00010000'), (r'(?i)[𐐀-𐐂]', '𐐩'),
    (r'(?i)𐐀', '𐐨'),
]
for c in cases:
    show(*c)
