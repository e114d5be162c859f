# Every kind of container can be part of a reference cycle, and the
# collector reclaims it: each cycle below holds a Sentinel whose __del__
# reports that the cycle was freed (so no traverse can silently miss a field).
import gc


class Sentinel:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  freed:", self.name)


def check(label, make):
    gc.collect()
    make()
    n = gc.collect()
    print(label, n > 0)


def list_cycle():
    l = [Sentinel("list")]
    l.append(l)


def dict_cycle():
    d = {"s": Sentinel("dict, str keys")}
    d["me"] = d


def dict_general_cycle():
    d = {1: Sentinel("dict, other keys")}
    d[2] = d


def tuple_cycle():
    l = [Sentinel("tuple")]
    t = (l,)
    l.append(t)


class Holder:
    pass


def set_cycle():
    h = Holder()
    h.s = Sentinel("set")
    h.set = {h}


def frozenset_cycle():
    h = Holder()
    h.s = Sentinel("frozenset")
    h.fs = frozenset([h])


def instance_cycle():
    h = Holder()
    h.s = Sentinel("instance")
    h.me = h


def instance_dict_seen_cycle():
    h = Holder()
    h.s = Sentinel("instance with __dict__ seen")
    vars(h)["me"] = h


class Slotted:
    __slots__ = ("s", "me")


def slots_cycle():
    x = Slotted()
    x.s = Sentinel("__slots__")
    x.me = x


class MyList(list):
    pass


class MyDict(dict):
    pass


def subclass_cycles():
    l = MyList([Sentinel("list subclass")])
    l.append(l)
    d = MyDict(s=Sentinel("dict subclass"))
    d["me"] = d
    l.attr = l


def function_defaults_cycle():
    def f(x=None):
        return x

    f.__defaults__ = (f, Sentinel("function defaults"))


def function_kwdefaults_cycle():
    def f(*, x=None):
        return x

    f.__kwdefaults__ = {"x": f, "s": Sentinel("function kwdefaults")}


def function_dict_cycle():
    def f():
        pass

    f.me = f
    f.s = Sentinel("function __dict__")


def function_annotations_cycle():
    def f(a: int):
        pass

    f.__annotations__["me"] = f
    f.__annotations__["s"] = Sentinel("function annotations")


def closure_cycle():
    s = Sentinel("closure cell")

    def rec():
        return rec, s

    return None


def method_cycle():
    h = Holder()
    h.s = Sentinel("bound method")
    h.m = h.__init__


def class_cycle():
    class K:
        pass

    K.me = K
    K.s = Sentinel("class")


def class_with_method_cycle():
    class K:
        def m(self):
            return __class__

    K.s = Sentinel("class with __class__ cell")


def metaclass_cycle():
    class Meta(type):
        pass

    class K(metaclass=Meta):
        pass

    K.s = Sentinel("metaclass instance")


def instance_of_local_class():
    class K:
        pass

    k = K()
    k.s = Sentinel("instance of a dead class")
    K.inst = k


def generator_cycle():
    def g():
        me = yield
        yield me

    gen = g()
    next(gen)
    gen.send(gen)
    holder = [gen, Sentinel("generator frame")]
    holder.append(holder)


def suspended_generator_cycle():
    def g(s):
        try:
            yield 1
        finally:
            print("  generator finally ran")

    gen = g(Sentinel("suspended generator"))
    next(gen)
    l = [gen]
    l.append(l)


def exception_context_cycle():
    h = Holder()
    h.s = Sentinel("exception args")
    e = KeyError(h)
    h.e = e


def property_cycle():
    class K:
        pass

    p = property(lambda self: p)
    K.p = p
    K.s = Sentinel("property")


def staticmethod_cycle():
    def f(x=None):
        return x

    sm = staticmethod(f)
    cm = classmethod(f)
    f.__defaults__ = (sm, cm, Sentinel("staticmethod/classmethod"))


def super_cycle():
    class K:
        pass

    k = K()
    k.sup = super(K, k)
    k.s = Sentinel("super")


def iterator_cycles():
    l = [Sentinel("list iterator")]
    l.append(iter(l))
    t = [Sentinel("tuple iterator")]
    t.append(iter(tuple(t)))
    d = {"s": Sentinel("dict iterators and views")}
    d["k"] = iter(d)
    d["v"] = d.values()
    d["i"] = iter(d.items())
    st = Holder()
    st.s = Sentinel("set iterator")
    st.it = iter({st})


def builtin_iterator_cycles():
    l = [Sentinel("enumerate/zip/map/filter/reversed")]
    l.append(enumerate(l))
    l.append(zip(l, l))
    l.append(map(len, l))
    l.append(filter(None, l))
    l.append(reversed(l))
    l.append(iter(lambda: l, None))


def slice_cycle():
    l = [Sentinel("slice")]
    l.append(slice(l, None))


def mappingproxy_cycle():
    class K:
        pass

    K.proxy = K.__dict__
    K.s = Sentinel("mappingproxy")


def cell_cycle():
    def outer():
        x = None

        def inner():
            return x

        x = inner
        return inner

    f = outer()
    f.s = Sentinel("cell")


for label, make in [
    ("list", list_cycle),
    ("dict", dict_cycle),
    ("dict (general keys)", dict_general_cycle),
    ("tuple", tuple_cycle),
    ("set", set_cycle),
    ("frozenset", frozenset_cycle),
    ("instance", instance_cycle),
    ("instance __dict__", instance_dict_seen_cycle),
    ("__slots__", slots_cycle),
    ("list/dict subclasses", subclass_cycles),
    ("function __defaults__", function_defaults_cycle),
    ("function __kwdefaults__", function_kwdefaults_cycle),
    ("function __dict__", function_dict_cycle),
    ("function __annotations__", function_annotations_cycle),
    ("closure", closure_cycle),
    ("bound method", method_cycle),
    ("class", class_cycle),
    ("class __class__ cell", class_with_method_cycle),
    ("metaclass", metaclass_cycle),
    ("instance of local class", instance_of_local_class),
    ("generator", generator_cycle),
    ("suspended generator", suspended_generator_cycle),
    ("exception args", exception_context_cycle),
    ("property", property_cycle),
    ("staticmethod/classmethod", staticmethod_cycle),
    ("super", super_cycle),
    ("iterators", iterator_cycles),
    ("builtin iterators", builtin_iterator_cycles),
    ("slice", slice_cycle),
    ("mappingproxy", mappingproxy_cycle),
    ("cell", cell_cycle),
]:
    check(label, make)
print("done", gc.collect())
