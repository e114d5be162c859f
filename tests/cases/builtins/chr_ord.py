print(chr(65), chr(97), chr(0x263A), chr(0x1F40D), ord('A'), ord('€'), ord('\n'), ord('🐍'))
print([chr(i) for i in range(48, 58)], ''.join(chr(ord(c) + 1) for c in 'HAL'))
try:
    ord('ab')
except TypeError as e:
    print(e)
try:
    chr(0x110000)
except ValueError as e:
    print(e)
try:
    ord('')
except TypeError as e:
    print(e)
