l = [1, 2, 3]
try:
    l[3]
except IndexError as e:
    print(e)
try:
    l[-4] = 0
except IndexError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    l.pop(10)
except IndexError as e:
    print(e)
try:
    l.remove(9)
except ValueError as e:
    print(e)
try:
    l.index(9)
except ValueError as e:
    print(e)
try:
    l['a']
except TypeError as e:
    print(e)
try:
    [1, 'a'].sort()
except TypeError as e:
    print(e)
