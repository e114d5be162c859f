from _helper_math import square, PI_ISH as pi
from _helper_math import *
print(square(3), pi, Shape.__name__)
print('_private' in dir(), 'square' in dir())
