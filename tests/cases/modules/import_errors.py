try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _helper_math import not_there
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
try:
    import mypkg.nope
except ModuleNotFoundError as e:
    print(e)
print(issubclass(ModuleNotFoundError, ImportError))
