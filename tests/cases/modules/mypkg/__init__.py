print('mypkg/__init__ running')
from .core import VERSION
PKG_NAME = 'mypkg'
