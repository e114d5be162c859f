def walk(node):
    return walk(node + 1) + 1
print('about to recurse')
walk(0)
