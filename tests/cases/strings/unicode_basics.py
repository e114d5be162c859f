s = 'naïve café ω€𝄞'
print(len(s), [ord(c) for c in s[-4:]], s.encode('utf-8'), len(s.encode('utf-8')))
print(chr(233), chr(0x1F600), ord('€'), hex(ord('𝄞')))
print(s.upper(), s.title(), 'ŉ'.upper(), 'ǰ'.upper(), len('ǰ'.upper()))
print(b'caf\xc3\xa9'.decode('utf-8'), 'x€'.encode('utf-8'), 'é'.encode('latin-1'))
print(sorted('bäcaé'), 'é' > 'z', 'Ä' < 'a')
print('añb'.center(9, '·'), 'ω'.isalpha(), '𝄞'.isalpha())
