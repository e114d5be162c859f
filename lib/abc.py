"""Abstract Base Classes (pyrite)."""


def abstractmethod(funcobj):
    """Mark a method as abstract: ABCMeta classes that do not override it
    cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def _compute_abstracts(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items() if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_registry = []
        cls._abc_cache = set()
        # Direct ABC subclasses, for _subclass_check (kept here rather than
        # asking type.__subclasses__, which pyrite does not track yet).
        cls._abc_subclasses = []
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subclasses.append(cls)
        return cls

    def __call__(cls, /, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            plural = 's' if len(names) > 1 else ''
            raise TypeError(
                f"Can't instantiate abstract class {cls.__name__} with "
                f"abstract method{plural} {', '.join(names)}")
        # Same steps as type.__call__ (spelled out: pyrite's super() does
        # not find type.__call__ yet).
        obj = cls.__new__(cls, *args, **kwargs)
        if cls in type(obj).__mro__:
            if type(obj).__init__(obj, *args, **kwargs) is not None:
                raise TypeError("__init__() should return None")
        return obj

    def register(cls, subclass):
        """Register a virtual subclass of an ABC; returns the subclass."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _invalidate_caches()
        return subclass

    def __instancecheck__(cls, instance):
        subtype = type(instance)
        if cls.__subclasscheck__(subtype):
            return True
        subclass = getattr(instance, '__class__', subtype)
        if subclass is not subtype and isinstance(subclass, type):
            return cls.__subclasscheck__(subclass)
        return False

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        # Only positive answers are cached: registering can never turn a
        # subclass into a non-subclass.
        cache = cls._abc_cache
        if subclass in cache:
            return True
        result = _subclass_check(cls, subclass)
        if result:
            cache.add(subclass)
        return result

    def _abc_registry_clear(cls):
        cls._abc_registry.clear()
        _invalidate_caches()

    def _abc_caches_clear(cls):
        cls._abc_cache.clear()


_cache_token = 0


def _invalidate_caches():
    global _cache_token
    _cache_token += 1


def _subclass_check(cls, subclass):
    hook = getattr(cls, '__subclasshook__', None)
    ok = NotImplemented if hook is None else hook(subclass)
    if ok is not NotImplemented:
        return bool(ok)
    if cls in subclass.__mro__:
        return True
    for rcls in cls._abc_registry:
        if issubclass(subclass, rcls):
            return True
    for scls in cls._abc_subclasses:
        if issubclass(subclass, scls):
            return True
    return False


def get_cache_token():
    return _cache_token


def update_abstractmethods(cls):
    """Recompute the abstract methods of an abstract class."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()
