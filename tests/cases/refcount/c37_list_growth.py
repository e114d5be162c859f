import sys
l = []
sizes = []
for i in range(17):
    sizes.append(sys.getsizeof(l)); l.append(i)
print(sizes)
