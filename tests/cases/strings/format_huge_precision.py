# Float formatting with precisions past what Rust's formatter takes.
for spec in ['.65536f', '.70000e', '.70000g', '.70000', '.2000f', '.1200e', '#.70000g', '.100000%']:
    for v in [1.5, 0.1, 1e-320, 123456789.125, 1e300, -2.5, 0.0]:
        s = format(v, spec)
        print(spec, v, len(s), s[:30], s[-12:])
s = '%.70000g' % 1.5
print(len(s), s)
s = '%.70000f' % 0.1
print(len(s), s[:25], s[-5:])
s = '%.70001e' % 1e-310
print(len(s), s[:25], s[-8:])
z = format(1.5 + 2j, '.65536f')
print(len(z), z[:10], z[-10:])
try:
    format(1.5, '.2147483648f')
except ValueError as e:
    print('ValueError:', e)
print(len(format(10**30, '.65536f')))
