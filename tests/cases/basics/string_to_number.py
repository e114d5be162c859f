for s in ['12', '-7', '+3', ' 9 ', '1_000', '0']:
    print(repr(s), int(s))
for s in ['3.5', '-1e3', '.5', '5.', 'infinity', '-Infinity', '1_0.5']:
    print(repr(s), float(s))
print(int('ff', 16), int('0xff', 16), int('0xff', 0), int('777', 8), int('z', 36), int('101', 2), int('0b101', 0))
for bad in ['', 'x', '1.5', '0x10', '1__0']:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    float('abc')
except ValueError as e:
    print(e)
