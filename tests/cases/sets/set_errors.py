try:
    {[1, 2]}
except TypeError as e:
    print(e)
try:
    set().pop()
except KeyError as e:
    print(e)
try:
    {1} + {2}
except TypeError as e:
    print(e)
s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
