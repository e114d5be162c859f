x = 2 ** 100
print(x)
print(x + 1, x - 1, x * x)
print(x // 3, x % 7, -x // 7, -x % 7)
print(3 ** 64, (-3) ** 63)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f.bit_length(), (255).bit_length(), (0).bit_length(), (-8).bit_length())
print(int('123456789012345678901234567890') * 10)
print(x == 2 ** 100, x > 2 ** 99, -x < 0)
print(x >> 90, 1 << 70, (x - 1) & 0xFFFF, x | 1)
print(abs(-x), -(-x))
