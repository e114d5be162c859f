ba = bytearray(b'hello')
ba[0] = 72
print(ba, len(ba))
ba.append(33)
ba.extend(b'??')
print(ba)
ba += b'!'
print(ba, ba.pop(), ba)
del ba[0:2]
print(ba, bytes(ba), ba.decode())
ba.reverse()
print(ba, bytearray(3), bytearray([1, 2]), ba.find(b'l'))
ba[1:3] = b'XYZ'
print(ba)
try:
    ba[0] = 256
except ValueError as e:
    print(e)
print(bytearray(b'abc') == b'abc', bytearray(b'a').upper())
