print('a,b,,c'.split(','), 'a b  c '.split(), '  lead trail  '.split())
print('a,b,c,d'.split(',', 2), 'a,b,c,d'.rsplit(',', 2), 'abc'.split('b'))
print(''.split(), ''.split(','), 'one'.split(','))
print('line1\nline2\r\nline3\rline4'.splitlines())
print('x\ny\n'.splitlines(), 'x\ny\n'.splitlines(True), 'x\n\ny'.split('\n'))
print('-'.join(['a', 'b', 'c']), ''.join('xyz'), ', '.join(str(i) for i in range(4)))
print('/'.join([]), '+'.join(['only']))
try:
    ','.join([1, 2])
except TypeError as e:
    print(e)
try:
    'a'.split('')
except ValueError as e:
    print(e)
