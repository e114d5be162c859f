print({x % 4 for x in range(20)})
print({c for c in 'hello' if c != 'l'} == {'h', 'e', 'o'})
print(sorted({w.lower() for w in ['A', 'a', 'B']}))
print({(x, y) for x in range(2) for y in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
