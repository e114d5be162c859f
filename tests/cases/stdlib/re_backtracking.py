# Backtracking through repeats of groups, lazy and possessive repeats,
# atomic groups and lookarounds: spans, groups and lastindex.
import re

cases = [
    (r'(?:a*)+?b', 'ax'), (r'(?:a*)+?b', 'aab'), (r'(?:a|)+?b', 'a a'), (r'(?:a*)*?$', 'aa'),
    (r'(?:x{0,3}?){2}', 'xxxx'), (r'(?:[^a]{0,3}?|.^){2}', 'xcbc'), (r'(?:x{0,3}?|y){2}z', 'xxxxz'),
    (r'(?:(?:ab)+x){2,3}?y', 'abxabxabxy'), (r'(?:(a|b)+x)*?y', 'axbxy'), (r'((?:ab)*?c)+?d', 'abccd'),
    (r'(?>(.*?|b){1,2}x|$a){0,3}x', 'xabaxb'), (r'(?!(a)b)a', 'ac'), (r'(?=(a)c)?a', 'ab'),
    (r'(?>(a)|b)*c', 'abac'), (r'(?:(a)|b)*', 'ab'), (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'(a*)*b', 'aaab'),
    (r'(a*)+', 'aa'), (r'(a|b)*?c', 'abc'), (r'(?:(a)|(b))+', 'abab'), (r'((a)|b)+?c', 'abc'),
    (r'(a)?(?(1)b|c)+', 'abbcc'), (r'(?:(?P<x>a)|b)(?(x)c|d)', 'bd ac'), (r'(a{1,3}?)+?b', 'aaab'),
    (r'(\w+?)\1', 'abab'), (r'(?:(\d)|x)+?y', '1x2y'), (r'((?>a+))b|a', 'aab'), (r'(a++)b|a', 'aa'),
    (r'(?:ab|a)(?:b|c)*+d', 'abcd'), (r'^(?:(\w+)\s*)+$', 'a b c'), (r'(?<=(a))b', 'ab'),
]
for p, s in cases:
    r = re.compile(p)
    for f in (r.search, r.fullmatch):
        m = f(s)
        print(p, repr(s), f.__name__, m and (m.regs, m.lastindex))
    print('  findall', r.findall(s), 'sub', r.sub('-', s), 'split', r.split(s))
