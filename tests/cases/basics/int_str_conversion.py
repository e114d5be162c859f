print(str(12345), repr(-5), str(10**25))
print(format(1234567, ','), format(1234567, '_'), format(255, 'x'), format(255, '#o'))
print('%d' % 3.9, '%i' % -2, int(' 0b11 ', 0) if False else int('11', 2))
print(str(-0), str(0.0), str(-0.0))
n = 7 ** 77
s = str(n)
print(len(s), s[:10], s[-10:], int(s) == n)
