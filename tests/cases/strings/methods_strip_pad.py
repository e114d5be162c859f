s = '  hi there  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr('xxhixx'.strip('x')), repr('abcba'.strip('ab')), repr('\t\n a \r\n'.strip()))
print(repr('ab'.center(7)), repr('ab'.center(7, '*')), repr('abc'.center(8, '-')))
print(repr('ab'.ljust(5)), repr('ab'.rjust(5, '0')), repr('42'.zfill(5)), repr('-42'.zfill(6)), repr('+7'.zfill(4)))
print(repr('abc'.zfill(2)), repr('a\tb\tc'.expandtabs()), repr('a\tbc\td'.expandtabs(4)))
print('prefix_name'.removeprefix('prefix_'), 'file.txt'.removesuffix('.txt'), 'x'.removeprefix('y'))
