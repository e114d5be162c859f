"""Shallow and deep copy operations (pyrite)."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_atomic = frozenset({type(None), int, float, bool, complex, str, bytes,
                     type, range, type(Ellipsis), type(NotImplemented),
                     type(len), type(lambda: 0), property, frozenset, tuple})


def _own_reduce(cls):
    """The class's __reduce_ex__/__reduce__ if it overrides object's."""
    for klass in cls.__mro__:
        if klass is object:
            return None
        d = klass.__dict__
        if '__reduce_ex__' in d or '__reduce__' in d:
            return klass
    return None


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic:
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        return x
    if _own_reduce(cls) is not None:
        return _reconstruct(x, None, _reduce(x), False)
    return _copy_instance(x, None, False)


def _reduce(x):
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        try:
            return reductor(4)
        except TypeError:
            pass
    return x.__reduce__()


def _get_state(x):
    state = {}
    d = getattr(x, '__dict__', None)
    if d:
        state.update(d)
    slots = {}
    for klass in type(x).__mro__:
        names = klass.__dict__.get('__slots__', ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (klass.__name__.lstrip('_'), name)
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    return state, slots


def _copy_instance(x, memo, deep):
    cls = type(x)
    getnewargs = getattr(x, '__getnewargs__', None)
    args = getnewargs() if getnewargs is not None else ()
    if deep and args:
        args = deepcopy(args, memo)
    y = cls.__new__(cls, *args)
    if deep:
        memo[id(x)] = y
    if isinstance(x, BaseException):
        y.args = x.args
    state, slots = _get_state(x)
    if deep:
        state = deepcopy(state, memo)
        slots = deepcopy(slots, memo)
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None and not slots and '__setstate__' in _class_attrs(cls):
        setstate(state)
    else:
        if state:
            y.__dict__.update(state)
        for name, value in slots.items():
            setattr(y, name, value)
    if deep and isinstance(x, list):
        y.extend(deepcopy(v, memo) for v in x)
    elif isinstance(x, list):
        y.extend(x)
    elif isinstance(x, dict):
        for k, v in x.items():
            if deep:
                k, v = deepcopy(k, memo), deepcopy(v, memo)
            y[k] = v
    elif isinstance(x, set):
        y.update(deepcopy(v, memo) for v in x) if deep else y.update(x)
    return y


def _class_attrs(cls):
    names = set()
    for klass in cls.__mro__:
        if klass is not object:
            names.update(klass.__dict__)
    return names


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic and cls is not tuple and cls is not frozenset:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, items)):
            y = x
        else:
            y = tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set()
        memo[d] = y
        for v in x:
            y.add(deepcopy(v, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(v, memo) for v in x)
    elif cls is bytearray:
        y = bytearray(x)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        elif _own_reduce(cls) is not None:
            y = _reconstruct(x, memo, _reduce(x), True)
        else:
            y = _copy_instance(x, memo, True)
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)
    return y


def _reconstruct(x, memo, rv, deep):
    if isinstance(rv, str):
        return x
    func, args = rv[0], rv[1]
    state = rv[2] if len(rv) > 2 else None
    listiter = rv[3] if len(rv) > 3 else None
    dictiter = rv[4] if len(rv) > 4 else None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__') and '__setstate__' in _class_attrs(type(y)):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key, value = deepcopy(key, memo), deepcopy(value, memo)
            y[key] = value
    return y
