# Unicode classes and case folding, code point positions in non-ASCII text.
import re
s = 'Ünïcödé wörds: αβγ ΔΕΖ 日本語 ١٢٣ ½ ²'
print(re.findall(r'\w+', s), re.findall(r'\d', s), re.findall(r'(?a)\w+', s), re.findall(r'\W+', s))
print(re.findall(r'(?i)δεζ', s), re.findall(r'(?i)[α-γ]+', s.upper()), re.sub(r'\w', '.', s), re.split(r'\s', s))
m = re.search(r'(w\w+)\W+(\w+)', s)
print(m, m.span(), m.span(1), m.group(2), m.start(2), [x.span() for x in re.finditer(r'\w+', s)])
print(re.findall(r'\b\w', s), re.sub(r'(\w+)', r'[\1]', s), re.subn('ö', 'o', s))
t = 'é' * 3 + 'x' + 'é' * 3
print(re.search('x', t).span(), re.search('x', t, ).start(), re.findall('é', t), re.compile('é+').findall(t, 2, 6), re.compile('é').search(t, 4))
print(re.match(r'(?i)ÉÀ', 'éà'), re.match(r'(?i)[éà]+', 'ÉÀ'), re.fullmatch(r'(?i)straße', 'STRASSE'), re.match('(?i)ǈ', 'ǉ'))
print(re.findall(r'[^\x00-\x7f]', 'aé€𝄞'), re.findall(r'.', '𝄞x'), re.search(r'(?<=é)x', t), re.search(r'(?<=éé)x', t).span())
print(re.sub('', '-', 'éa'), re.split('(é)', 'aéb'), re.findall('(?s).', 'é\n'), re.escape('é.'))
big = ('abc é ' * 2000)
print(len(re.findall(r'é', big)), len(re.sub('é', 'e', big)), sum(m.start() for m in re.finditer('c', big)))
