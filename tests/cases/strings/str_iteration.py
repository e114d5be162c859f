for ch in 'héy':
    print(ch, ord(ch))
print(list('abc'), tuple('ab'), set('aa') == {'a'}, sorted('cba'), reversed('abc').__class__.__name__)
print(''.join(reversed('hello')), list(enumerate('ab')), list(zip('ab', 'xyz')))
print(max('hello'), min('hello'), 'l' in 'hello', 'hello'.index('l'))
