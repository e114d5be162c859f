import sys
print(sys.version_info[:2] == (3, 11), sys.version_info.major, sys.version_info >= (3, 8))
print(sys.maxsize, sys.maxsize == 2**63 - 1)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(sys.implementation.name in ('cpython', 'pyrite'))
print(sys.byteorder, type(sys.version).__name__, sys.platform.startswith('linux'))
print(sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit)
