class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print('getitem', key)
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        print('setitem', key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print('delitem', key)
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
g = Grid()
g[1, 2] = 5
print(g[1, 2], g[0, 0], len(g))
g['s'] = 'slice'
print(g['s'], g[::2] if False else len(g))
del g[1, 2]
g['k'] += 1
print(g.cells)
