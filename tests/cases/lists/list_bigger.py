l = list(range(1000))
print(sum(l), len(l), l[500], l[-1])
l2 = [x for x in l if x % 7 == 0]
print(len(l2), l2[:5], l2[-3:])
l.reverse()
print(l[:3])
del l[100:900]
print(len(l), l[99], l[100])
big = [0] * 100000
big[99999] = 1
print(sum(big), big.index(1))
