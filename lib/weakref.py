"""Weak references and the containers and finalizers built on them.

pyrite's own implementation of the documented `weakref` module, on top of
the builtin `_weakref` module (the reference and proxy types) and
`_weakrefset` (WeakSet).
"""

from _weakref import (
    getweakrefcount,
    getweakrefs,
    ref,
    proxy,
    CallableProxyType,
    ProxyType,
    ReferenceType,
    _remove_dead_weakref,
)

from _weakrefset import WeakSet, _DeferredRemovals, _make_remover

import collections.abc as _abc
import itertools
import sys

ProxyTypes = (ProxyType, CallableProxyType)

_abc.MutableSet.register(WeakSet)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


class WeakMethod(ref):
    """A weak reference to a bound method that does not keep the method's
    object or function alive; calling it rebuilds the bound method, or
    returns None once either is gone."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def on_death(arg):
            # Runs when the object or the function dies, whichever is first.
            me = me_ref()
            if me is not None and me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)

        self = ref.__new__(cls, obj, on_death)
        self._func_ref = ref(func, on_death)
        self._meth_type = type(meth)
        self._alive = True
        me_ref = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that remembers a key (the values of a
    WeakValueDictionary), so its callback knows which entry to drop."""

    __slots__ = ("key",)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class WeakValueDictionary(_DeferredRemovals, _abc.MutableMapping):
    """A mapping whose values are held weakly: an entry goes away when its
    value dies."""

    def __init__(self, other=(), /, **kw):
        self.data = {}
        self._pending_removals = []
        self._iterating = 0
        self._remove = _make_remover(self)
        self.update(other, **kw)

    def _apply_removal(self, wr):
        # Only if the entry still holds a dead reference (it may have been
        # replaced since).
        _remove_dead_weakref(self.data, wr.key)

    def __getitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        del self.data[key]

    def __len__(self):
        # As CPython 3.11: asking for the length applies queued removals
        # (so doing it while iterating may change the size under the iteration).
        if self._pending_removals:
            self._commit_removals()
        return len(self.data)

    def __contains__(self, key):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        if self._pending_removals:
            self._commit_removals()
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        if self._pending_removals:
            self._commit_removals()
        new = WeakValueDictionary()
        self._start_iteration()
        try:
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[key] = o
        finally:
            self._end_iteration()
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        if self._pending_removals:
            self._commit_removals()
        new = self.__class__()
        self._start_iteration()
        try:
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[deepcopy(key, memo)] = o
        finally:
            self._end_iteration()
        return new

    def get(self, key, default=None):
        if self._pending_removals:
            self._commit_removals()
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        if self._pending_removals:
            self._commit_removals()
        self._start_iteration()
        try:
            for k, wr in self.data.items():
                v = wr()
                if v is not None:
                    yield k, v
        finally:
            self._end_iteration()

    def keys(self):
        if self._pending_removals:
            self._commit_removals()
        self._start_iteration()
        try:
            for k, wr in self.data.items():
                if wr() is not None:
                    yield k
        finally:
            self._end_iteration()

    __iter__ = keys

    def itervaluerefs(self):
        """Iterate over the weak references to the values (some may be dead
        by the time they are used)."""
        if self._pending_removals:
            self._commit_removals()
        self._start_iteration()
        try:
            yield from self.data.values()
        finally:
            self._end_iteration()

    def valuerefs(self):
        """A list of the weak references to the values."""
        if self._pending_removals:
            self._commit_removals()
        return list(self.data.values())

    def values(self):
        if self._pending_removals:
            self._commit_removals()
        self._start_iteration()
        try:
            for wr in self.data.values():
                obj = wr()
                if obj is not None:
                    yield obj
        finally:
            self._end_iteration()

    def popitem(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            if self._pending_removals:
                self._commit_removals()
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if self._pending_removals:
            self._commit_removals()
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = KeyedRef(o, self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if isinstance(other, _abc.Mapping):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, _abc.Mapping):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


class WeakKeyDictionary(_DeferredRemovals, _abc.MutableMapping):
    """A mapping whose keys are held weakly: an entry goes away when its
    key dies. Keys must be hashable and weakly referenceable."""

    def __init__(self, dict=None):
        self.data = {}
        self._pending_removals = []
        self._iterating = 0
        self._remove = _make_remover(self)
        if dict is not None:
            self.update(dict)

    def _apply_removal(self, wr):
        try:
            del self.data[wr]
        except KeyError:
            pass

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        # Queued removals whose entry was deleted explicitly meanwhile no
        # longer count.
        if self._pending_removals:
            d = self.data
            self._pending_removals = [k for k in self._pending_removals if k in d]
        return len(self.data) - len(self._pending_removals)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        self._start_iteration()
        try:
            for key, value in self.data.items():
                o = key()
                if o is not None:
                    new[o] = value
        finally:
            self._end_iteration()
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        self._start_iteration()
        try:
            for key, value in self.data.items():
                o = key()
                if o is not None:
                    new[o] = deepcopy(value, memo)
        finally:
            self._end_iteration()
        return new

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        self._start_iteration()
        try:
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    yield key, value
        finally:
            self._end_iteration()

    def keys(self):
        self._start_iteration()
        try:
            for wr in self.data:
                obj = wr()
                if obj is not None:
                    yield obj
        finally:
            self._end_iteration()

    __iter__ = keys

    def values(self):
        self._start_iteration()
        try:
            for wr, value in self.data.items():
                if wr() is not None:
                    yield value
        finally:
            self._end_iteration()

    def keyrefs(self):
        """A list of the weak references to the keys."""
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if isinstance(other, _abc.Mapping):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, _abc.Mapping):
            c = self.__class__()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


class _FinalizerInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """finalize(obj, func, /, *args, **kwargs): call func(*args, **kwargs)
    once, when obj dies, when the finalizer is called, or at interpreter
    exit (if `atexit` is true), whichever comes first.

    Finalizers still alive at exit run in reverse order of creation."""

    __slots__ = ()
    # Live finalizers: finalize object -> _FinalizerInfo.
    _registry = {}
    _shutdown = False
    _counter = itertools.count()
    _registry_changed = False
    _atexit_hooked = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._atexit_hooked:
            import atexit
            atexit.register(finalize._run_at_exit)
            finalize._atexit_hooked = True
        info = _FinalizerInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = next(finalize._counter)
        finalize._registry[self] = info
        finalize._registry_changed = True

    def __call__(self, _=None):
        """Run the callback unless already done; return its result."""
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """Kill the finalizer without calling it; return (obj, func, args,
        kwargs) if it was alive, else None."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) if alive, else None."""
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer is alive."""
        return self in finalize._registry

    @property
    def atexit(self):
        """Whether the finalizer runs at exit if still alive."""
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _due_at_exit(cls):
        due = [(info.index, f) for f, info in cls._registry.items() if info.atexit]
        due.sort(key=lambda item: item[0])
        return [f for _, f in due]

    @classmethod
    def _run_at_exit(cls):
        # Newest first; finalizers created or killed by a finalizer are
        # taken into account before the next one runs.
        try:
            pending = None
            while cls._registry:
                if pending is None or finalize._registry_changed:
                    pending = cls._due_at_exit()
                    finalize._registry_changed = False
                if not pending:
                    break
                f = pending.pop()
                try:
                    f()
                except Exception:
                    sys.excepthook(*sys.exc_info())
        finally:
            finalize._shutdown = True
