words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'éclair', 'zeta', '']
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
print(min(words), max(words), 'a' * 3 < 'b')
