# Reproducers of issue #14 (wrong answers): throw() arguments, eval with its own
# __builtins__, None in sys.modules, a generator closing or resuming itself
# while it runs.
def g():
    yield 1
it = g(); next(it)
try:
    it.throw(ValueError(), 5)
except Exception as e:
    print(type(e).__name__, e)
try:
    print(eval("len([1])", {"__builtins__": {}}))
except Exception as e:
    print(type(e).__name__, e)
import sys
sys.modules['json'] = None
try:
    import json
except Exception as e:
    print(type(e).__name__, e)
del sys.modules['json']
def selfclose():
    me.close()
    yield 1
me = selfclose()
try:
    next(me)
except Exception as e:
    print(type(e).__name__, e)
def selfnext():
    next(me2)
    yield 1
me2 = selfnext()
try:
    next(me2)
except Exception as e:
    print(type(e).__name__, e)
