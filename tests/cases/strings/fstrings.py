name = 'pyrite'; n = 42; pi = 3.14159265; big = 1234567.891
print(f'{name} {n} {pi}')
print(f'{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}|{n: }')
print(f'{pi:.2f}|{pi:8.3f}|{pi:<8.1f}|{pi:e}|{pi:.3e}|{pi:g}|{big:,.2f}|{0.5:%}|{0.25:.1%}')
print(f'{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#o}|{n:#b}|{n:08b}|{255:_x}|{1000000:,}|{1000000:_}')
print(f'{name!r}|{name!s}|{name!a}|{"é"!a}|{name:>10}|{name:*^12}|{name:.3}')
print(f'{n=}', f'{pi = :.1f}', f'{name=!r}')
print(f'{{literal}}', f'{n * 2 + 1}', f'{[1, 2][1]}', f"{'nested'}", f'{ {"a": 1}["a"] }')
w = 10; p = 3
print(f'{pi:{w}.{p}f}|', f'{"x":{"<"}{w}}|')
print(f'{3.0}', f'{1e20}', f'{1e-7}', f'{True}', f'{None}', f'{-0.0}')
print(f'{12345.6789:10.2e}|{0.000123:.2g}|{123456789:.3g}|{1.0:g}|{100000000.0:g}')
