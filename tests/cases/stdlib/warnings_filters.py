import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('first')
    warnings.warn('dep', DeprecationWarning)
    warnings.warn(RuntimeWarning('rt'))
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w])
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('boom', UserWarning)
    except UserWarning as e:
        print('raised', e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('ignore')
    warnings.warn('quiet')
    print(len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.filterwarnings('ignore', message='skip.*')
    warnings.filterwarnings('always', category=UserWarning)
    warnings.warn('skip me')
    warnings.warn('keep me')
    print([str(x.message) for x in w])
print(warnings.formatwarning('msg', UserWarning, 'file.py', 3, 'code()'), end='')
try:
    warnings.simplefilter('bogus')
except AssertionError as e:
    print(e)
