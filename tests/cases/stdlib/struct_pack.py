import struct
print(struct.pack('<hHiIqQ', -2, 65535, -5, 7, -1, 2**64 - 1), struct.pack('>bB?', -1, 255, True))
print(struct.pack('<d', 1.5), struct.pack('>f', 0.1), struct.pack('<e', 65504.0), struct.pack('<f', -0.0), struct.pack('>d', float('inf')))
print(struct.unpack('<d', struct.pack('<d', 3.141592653589793)), struct.unpack('<f', struct.pack('<f', 0.1)), struct.unpack('<e', struct.pack('<e', 0.333)))
print(struct.calcsize('<iq'), struct.calcsize('@iq'), struct.calcsize('@bi'), struct.calcsize('3s2xH'), struct.calcsize('>5p'))
print(struct.pack('4s', b'ab'), struct.pack('3p', b'abcdef'), struct.unpack('3p', b'\x05abc'[:3]), struct.pack('c', b'z'), struct.pack('@bi', 1, 2))
print(struct.unpack('>HH', b'\x01\x02\x03\x04'), struct.unpack_from('<H', b'\x00\x01\x02', 1), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
s = struct.Struct('<Ii')
print(s.size, s.pack(1, -1), s.unpack(s.pack(4000000000, -7)), s.format)
buf = bytearray(8); struct.pack_into('<I', buf, 2, 0xdeadbeef); print(buf)
for f in (1e-40, 5e-324, 1.0000001, 3.4028235e38, 2.0 ** -149, 1e-8, 0.5 + 2 ** -25):
    print(struct.pack('<f', f), struct.unpack('<f', struct.pack('<f', f)), struct.pack('<e', min(f, 60000.0)) if f < 1e5 else '')
for bad in [lambda: struct.pack('<h', 40000), lambda: struct.pack('B', -1), lambda: struct.pack('<i', 'x'), lambda: struct.unpack('<i', b'12'),
            lambda: struct.pack('<ii', 1), lambda: struct.pack('<f', 1e39), lambda: struct.calcsize('<y'), lambda: struct.pack('<Q', -1), lambda: struct.pack('<q', 2**63)]:
    try:
        bad()
    except (struct.error, OverflowError) as e:
        print(type(e).__name__, e)
for f, v in (('<i', 2**31), ('<I', -1), ('@l', 2**63), ('<l', 2**31), ('@b', 200), ('<H', -1)):
    try:
        struct.pack(f, v)
    except struct.error as e:
        print(f, e)
