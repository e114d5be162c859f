def level_c(v):
    return int(v)
def level_b(v):
    return level_c(v) * 2
def level_a(values):
    return [level_b(v) for v in values]
print('computing')
print(level_a(['1', '2', 'three']))
