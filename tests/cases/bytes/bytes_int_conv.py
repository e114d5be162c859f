print(int.from_bytes(b'\x00\x10', 'big'), (4096).to_bytes(2, 'big'), (1).to_bytes(1, 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), (-2).to_bytes(2, 'little', signed=True))
print(bytes([1, 2, 3]).hex('-'), b'\x01\x02'.hex(), bytes.fromhex('ff00'))
print(sum(b'abc'), max(b'xyz'), sorted(b'cab'))
try:
    (300).to_bytes(1, 'big')
except OverflowError as e:
    print(e)
