import sys
print(sys.getrefcount(object()), sys.getrefcount([]))
