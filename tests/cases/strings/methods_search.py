s = 'the quick brown fox jumps over the lazy dog'
print(s.find('the'), s.find('the', 1), s.rfind('the'), s.find('cat'), s.rfind('o', 0, 20))
print(s.index('fox'), s.rindex('o'), s.count('o'), s.count('the'), s.count(''))
print(s.startswith('the'), s.endswith('dog'), s.startswith(('a', 't')), s.endswith('do', 0, -1))
try:
    s.index('cat')
except ValueError as e:
    print(e)
print('aaaa'.count('aa'), 'abc'.find(''), 'abc'.rfind(''))
print('x' in s, 'quick' in s)
