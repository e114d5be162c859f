print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(2**70))
print(format(255, 'x'), format(255, '#X'), format(5, '08b'), format(3.14159, '.2f'), format(12, '>5'), format('ab', '<4') + '|')
print(format(1234.5, ',.1f'), format(0.5, '.0%'), format(-7, '+'), format(7, ' '), format(1e6, 'g'), format(1.5e-10, 'G'))
print(format(42, 'c'), format(10, 'n'), format(3, '^7d'), format(-3, '=6'), format(3.0, 'e'))
try:
    format(1, 'q')
except ValueError as e:
    print(e)
try:
    hex(1.5)
except TypeError as e:
    print(e)
