l = [3, 1, 4, 1, 5, 9, 2, 6]
print(l.count(1), l.index(1), l.index(1, 2), l.index(5, 0, 5))
l2 = l.copy()
l2.sort(reverse=True)
print(l2, l)
print(list(reversed(l)), l[::-1] == list(reversed(l)))
l.extend(range(2)); print(l)
l.extend('ab'); print(l)
l.__setitem__(0, 'z'); print(l.__getitem__(0), l.__len__(), l.__contains__(9))
