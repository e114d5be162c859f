import _helper_math, mypkg
print(_helper_math.__name__, _helper_math.__file__.endswith('_helper_math.py'), _helper_math.__package__ == '')
print(mypkg.__package__, mypkg.__path__[0].endswith('mypkg'), mypkg.__file__.endswith('__init__.py'))
print(sorted(n for n in dir(_helper_math) if not n.startswith('__')))
print(__name__, __package__ if __package__ else None)
