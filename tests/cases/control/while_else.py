i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print('i =', i)
else:
    print('while else ran')
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print('not printed')
print('n =', n)
j = 10
while j < 5:
    print('never')
else:
    print('else on zero iterations')
