# bytes patterns on bytes and bytearray subjects, and mixing str and bytes.
import re
p = re.compile(rb'(?P<k>\w+)=(\d+)')
m = p.search(b'  key=42;')
print(m, m.group(), m.groups(), m.groupdict(), m.span(1), p.findall(b'a=1 b=2'), p.sub(rb'\2=\g<k>', b'a=1 b=2'))
print(re.findall(rb'[\x80-\xff]+', b'a\xe9\xffb'), re.match(rb'\w', b'\xe9'), re.match(rb'(?i)\xe9', b'\xc9'), re.match(rb'(?L)\w', b'a'))
print(re.split(rb'\s', b'a b\tc'), re.sub(b'a', lambda m: b'<' + m.group() + b'>', b'banana'), re.subn(b'(a)', rb'\1\1', b'aa'))
print(re.search(b'b', bytearray(b'abc')), re.findall(b'.', bytearray(b'ab')), type(re.search(b'b', bytearray(b'abc')).group()).__name__)
print(re.sub(b'b', b'x', bytearray(b'abc')), re.split(b'b', bytearray(b'abc')), re.compile(b'\\d').flags, re.compile(b'(?i)a'))
print(re.escape(b'\x00a.\xff'), re.compile(rb'\x41\101\0'), re.compile(rb'\x41\101\0').match(b'AA\0'))
print(re.match(rb'(?i)[a-z]+', b'HeLLo'), re.match(b'(?a)\\w', b'a'), re.compile(b'a', re.A|re.I))
for f in [lambda: re.sub(b'a', 'x', b'a'), lambda: re.sub('a', b'x', 'ba'), lambda: re.sub(b'a', lambda m: 'x', b'a'), lambda: re.search(b'a', 'a'), lambda: re.search('a', b'a'), lambda: re.sub('(a)', b'\\1', 'a')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
