import sys
sys.setrecursionlimit(100)
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print('RecursionError:', e)
def depth(n):
    return n if n == 0 else depth(n - 1)
print(depth(50))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
