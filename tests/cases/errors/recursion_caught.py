def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
def also(n):
    return [also(n + 1)]
try:
    also(0)
except RecursionError as e:
    print(e)
print('recovered; recursion still works:', sum(range(10)))
