def add_greeting(cls):
    cls.greet = lambda self: 'hello from ' + type(self).__name__
    return cls
@add_greeting
class G: pass
print(G().greet())
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['created_by'] = 'Meta'
        return super().__new__(mcls, name, bases, ns)
class M(metaclass=Meta):
    pass
print(M.created_by, type(M).__name__, isinstance(M, type))
print(getattr(G, '__name__'), G.__module__, sorted(k for k in G.__dict__ if not k.startswith('__')))
