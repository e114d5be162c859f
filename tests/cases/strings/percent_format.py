print('%s is %d years' % ('Al', 30))
print('%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42))
print('%.2f|%8.3f|%-8.1f|%e|%.2E|%g|%G' % (3.14159, 3.14159, 3.14159, 31415.9, 0.000314, 1e-5, 1e20))
print('%x|%X|%o|%#x|%#o|%c|%c' % (255, 255, 8, 255, 8, 65, 'z'))
print('%r|%s|%a' % ('é', 'é', 'é'))
print('%(name)s=%(val)03d' % {'name': 'k', 'val': 7})
print('%%|%s' % 'x', '%s' % [1, 2], '%s' % (1,), '%.3s' % 'abcdef', '%*d' % (5, 3))
try:
    '%d' % 'x'
except TypeError as e:
    print(e)
try:
    '%s %s' % ('a',)
except TypeError as e:
    print(e)
try:
    '%s' % ('a', 'b')
except TypeError as e:
    print(e)
