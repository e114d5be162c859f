s = 'one two one three one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('', '-'))
print('aaa'.replace('a', 'bb'), 'abc'.replace('x', 'y'))
print(s.partition(' '), s.rpartition(' '), s.partition('zzz'), s.rpartition('zzz'))
print('key=value=x'.partition('='), 'a.b.c'.rpartition('.'))
