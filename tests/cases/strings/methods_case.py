s = 'Hello, World'
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize())
print('hello world foo'.title(), "they're bill's".title(), 'ABC def'.capitalize())
print('straße'.upper(), 'ÄÖÜ'.lower(), 'ǅ'.lower(), 'ß'.casefold(), 'ﬁ'.upper())
print('İ'.lower() == 'i̇', len('İ'.lower()), 'ΣΑΣ'.lower())
print('é'.upper(), 'ω'.upper(), 'Ω'.lower(), 'ÿ'.upper())
print('abc'.isupper(), 'ABC'.isupper(), 'Abc'.istitle(), 'abc'.islower())
