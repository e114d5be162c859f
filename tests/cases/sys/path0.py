import sys, os
here = os.path.dirname(os.path.abspath(sys.argv[0]))
print(sys.path[0] == here, os.path.basename(sys.path[0]), isinstance(sys.path, list))
