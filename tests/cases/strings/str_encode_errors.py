print('abc'.encode('ascii'))
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
print('é'.encode('ascii', 'replace'), 'é'.encode('ascii', 'ignore'), 'é'.encode('ascii', 'backslashreplace'))
try:
    b'\xff'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e)
print(b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'))
