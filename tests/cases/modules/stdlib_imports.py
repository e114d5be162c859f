import math, sys, collections, itertools, functools, operator, string, re
import os.path
from collections import OrderedDict as OD
print(math.pi, sys.maxsize > 0, collections.Counter('aab')['a'], OD is collections.OrderedDict)
print(string.ascii_lowercase, string.digits, operator.add(2, 3))
print(re.findall(r'\d+', 'a1b22c333'), re.sub(r'\s+', ' ', 'a   b \n c'), bool(re.match('ab', 'abc')))
print(os.path.join('a', 'b'), os.path.splitext('f.tar.gz'), os.path.basename('/x/y.py'))
