"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique
(pyrite; a smaller implementation of CPython 3.11's behaviour)."""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique', 'property']

_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


_property = property


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1] != '_' and name[-2] != '_'


def _function():
    pass


def _is_descriptor(obj):
    # Functions are checked by type too: pyrite's functions have no
    # __get__ attribute yet.
    return (hasattr(obj, '__get__') or type(obj) is type(_function) or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_member(name, value, ignore):
    return not (_is_dunder(name) or _is_sunder(name) or name in ignore
                or _is_descriptor(value))


def _find_data_type(bases):
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                if base._member_type_ is not object:
                    return base._member_type_
                continue
            if '__new__' in base.__dict__ or issubclass(base, (int, str, float, tuple)):
                return base
    return object


def _find_new(classdict, member_type, first_enum):
    """The function that creates members, and whether it takes the value."""
    new = classdict.get('__new__')
    if new is not None and first_enum is not None:
        return new, True
    if first_enum is None:
        return object.__new__, False
    if first_enum._use_args_:
        return first_enum._new_member_, True
    if member_type is not object:
        return member_type.__new__, True
    return object.__new__, False


class EnumType(type):
    """Metaclass for Enum."""

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        ignore = classdict.get('_ignore_', [])
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        first_enum = None
        for base in bases:
            if isinstance(base, EnumType):
                if base._member_names_:
                    raise TypeError(f'<enum {cls!r}> cannot extend {base!r}')
                first_enum = base
        member_type = _find_data_type(bases) if bases else object
        members = [(k, v) for k, v in classdict.items() if _is_member(k, v, ignore)]
        member_names = {k for k, _ in members}
        ns = {k: v for k, v in classdict.items()
              if k not in member_names and k not in ignore and k != '_ignore_'}
        new, use_args = _find_new(classdict, member_type, first_enum)
        if first_enum is not None:
            # Calling the class looks a member up: Enum.__new__, whatever
            # created the members.
            ns['__new__'] = Enum.__dict__['__new__']
        ns['_new_member_'] = new
        ns['_use_args_'] = use_args
        ns['_member_names_'] = []
        ns['_member_map_'] = {}
        ns['_value2member_map_'] = {}
        ns['_member_type_'] = member_type
        if '__reduce_ex__' not in ns and member_type is not object:
            ns['__reduce_ex__'] = lambda self, proto: (self.__class__, (self._value_,))
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        if first_enum is not None and member_type is not object:
            _use_enum_methods(enum_class, classdict, first_enum, member_type)
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = enum_class._generate_next_value_(
                        name, 1, len(last_values), last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
                              if isinstance(v, auto) and v.value is _auto_null else
                              (v.value if isinstance(v, auto) else v) for v in value)
            last_values.append(value)
            enum_class._add_member_(name, value)
        if Flag is not None and issubclass(enum_class, Flag):
            enum_class._flag_mask_ = 0
            for m in enum_class._member_map_.values():
                enum_class._flag_mask_ |= m._value_
        return enum_class

    def _add_member_(cls, name, value):
        args = value if isinstance(value, tuple) else (value,)
        if cls._member_type_ is tuple:
            args = (args,)
        if not cls._use_args_:
            member = cls._new_member_(cls)
        else:
            member = cls._new_member_(cls, *args)
        if not hasattr(member, '_value_'):
            if cls._member_type_ is object:
                member._value_ = value
            else:
                member._value_ = cls._member_type_(*args)
        value = member._value_
        member._name_ = name
        member.__objclass__ = cls
        member.__init__(*args)
        member._sort_order_ = len(cls._member_names_)
        for existing in cls._member_map_.values():
            if existing._value_ == value:
                member = existing
                break
        else:
            cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_.setdefault(value, member)
        except TypeError:
            pass
        setattr(cls, name, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        classdict = {}
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            last_values = []
            for count, name in enumerate(names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                classdict[name] = value
        elif isinstance(names, dict):
            classdict.update(names)
        else:
            for name, value in names:
                classdict[name] = value
        if module is None:
            module = '__main__'
        classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return EnumType.__new__(EnumType, class_name, bases, classdict)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    @_property
    def __members__(cls):
        return dict(cls._member_map_)


EnumMeta = EnumType


def _use_enum_methods(enum_class, classdict, first_enum, member_type):
    """With a data type mixed in, the data type's repr/str/format would win
    in the MRO: take the enum's instead (str/format of ReprEnums excepted)."""
    repr_enum = ReprEnum in first_enum.__mro__
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name in classdict:
            continue
        if repr_enum and name in ('__str__', '__format__'):
            continue
        found = getattr(enum_class, name, None)
        if found is getattr(member_type, name, None) or found is getattr(object, name, None):
            setattr(enum_class, name, getattr(first_enum, name))
Flag = None


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            last = last_values[-1]
            last_values = sorted(last_values)
            return last_values[-1] + 1 if last_values[-1] >= last else last + 1
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__',
                'name', 'value']

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @_property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @_property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(self._value_, format_spec)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return str.__str__(self._value_)

    def __format__(self, format_spec):
        return str.__format__(self._value_, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


def _power_of_two(value):
    return value > 0 and value & (value - 1) == 0


class Flag(Enum):
    """Support for bit flags."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high_bit = max(_high_bit(v) for v in last_values if isinstance(v, int))
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        mask = cls._flag_mask_
        if value < 0 or value & ~mask:
            if issubclass(cls, int):
                pass
            else:
                raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_bits_(value)]
        pseudo._name_ = '|'.join(names) if names and value & mask == value else None
        if pseudo._name_ is None and names:
            pseudo._name_ = '|'.join(names)
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_bits_(cls, value):
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if _power_of_two(member._value_) and member._value_ & value == member._value_:
                yield member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self._iter_bits_(self._value_)))

    def __len__(self):
        return bin(self._value_).count('1')

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return "<%s: %r>" % (cls_name, self._value_)
        return "<%s.%s: %r>" % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(self._value_, format_spec)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_)


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items()
                  if name != member.name]
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name) for alias, name in duplicates)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


property = _property
