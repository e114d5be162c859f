class X:
    def __init__(self): self.a = 1
x = X()
try:
    x.b
except AttributeError as e:
    print(e)
try:
    X.b
except AttributeError as e:
    print(e)
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    'abc'.nope()
except AttributeError as e:
    print(e)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    del x.zz
except AttributeError as e:
    print(e)
import math
try:
    math.nope
except AttributeError as e:
    print(e)
