import mypkg
print(mypkg.PKG_NAME, mypkg.VERSION, mypkg.__name__)
import mypkg.sub.leaf
print(mypkg.sub.leaf.info())
from mypkg.core import describe
print(describe())
from mypkg import sub
print(sub.__name__, hasattr(sub, 'leaf'))
import mypkg
print('imported again without re-running __init__')
