a = 'ab'
print(a + 'cd', a * 3, 3 * a, a * 0, a * -1, repr(''.join([])))
s = ''
for i in range(5):
    s += str(i)
print(s, len(s))
try:
    'a' + 1
except TypeError as e:
    print(e)
try:
    'a' * 'b'
except TypeError as e:
    print(e)
try:
    'a' * 1.5
except TypeError as e:
    print(e)
print('abc' == 'abc', 'a' < 'b', 'abc' != 'abd', max('apple', 'banana'))
