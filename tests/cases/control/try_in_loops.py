results = []
for v in ['1', 'x', '3', '', '5']:
    try:
        results.append(int(v))
    except ValueError:
        results.append(None)
        continue
    finally:
        results.append('|')
print(results)
def first_even(items):
    for x in items:
        try:
            if x % 2 == 0:
                return x
        finally:
            print('checked', x)
print(first_even([1, 3, 4, 5]))
