def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    else:
        return 'large'
for n in [-5, 0, 5, 50]:
    print(n, classify(n))
if []:
    print('empty list is truthy')
else:
    print('empty list is falsy')
if 0: pass
elif None: pass
else: print('else branch')
