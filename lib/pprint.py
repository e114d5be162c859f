"""Pretty-printing of Python data structures (pyrite).

Containers whose repr does not fit in the width are broken over lines,
one element per line (or packed with compact=True), dict keys sorted."""

import sys as _sys
from io import StringIO as _StringIO

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr",
           "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    """Pretty-print a Python object to a stream [default is sys.stdout]."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,
                  compact=compact, sort_dicts=sort_dicts,
                  underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False,
            sort_dicts=True, underscore_numbers=False):
    """Format a Python object into a pretty-printed representation."""
    return PrettyPrinter(indent=indent, width=width, depth=depth,
                         compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """Pretty-print a Python object (dicts in insertion order)."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """Version of repr() which can handle recursive data structures."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _SafeKey:
    """Orders values that may not be mutually comparable."""
    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) <
                    (str(type(other.obj)), id(other.obj)))


def _safe_tuple(t):
    return _SafeKey(t[0]), _SafeKey(t[1])


def _recursion(object):
    return '<Recursion on %s with id=%s>' % (type(object).__name__, id(object))


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        stream = self._stream if self._stream is not None else _sys.stdout
        if stream is not None:
            stream.write(self.pformat(object) + '\n')

    def pformat(self, object):
        out = []
        self._format(object, out, 0, 0, {}, 0)
        return ''.join(out)

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        return self._safe_repr(object, context, maxlevels, level)

    def _repr(self, object, context, level):
        return self.format(object, dict(context), self._depth, level)[0]

    # -- layout -------------------------------------------------------------

    def _format(self, object, out, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            out.append(_recursion(object))
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            layout = self._layout_for(object)
            if layout is not None:
                context[objid] = 1
                layout(object, out, indent, allowance, context, level + 1)
                del context[objid]
                return
        out.append(rep)

    def _layout_for(self, object):
        r = type(object).__repr__
        if r is dict.__repr__:
            return self._pprint_dict
        if r is list.__repr__:
            return self._pprint_list
        if r is tuple.__repr__:
            return self._pprint_tuple
        if r is set.__repr__ or r is frozenset.__repr__:
            return self._pprint_set
        if r is str.__repr__:
            return self._pprint_str
        if (hasattr(type(object), '__dataclass_fields__') and
                getattr(r, '__qualname__', '').endswith('__repr__') and
                getattr(type(object), '__dataclass_params__').repr):
            return self._pprint_dataclass
        return None

    def _pprint_dict(self, object, out, indent, allowance, context, level):
        out.append('{')
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        if object:
            items = object.items()
            if self._sort_dicts:
                items = sorted(items, key=_safe_tuple)
            self._format_dict_items(list(items), out, indent, allowance + 1,
                                    context, level)
        out.append('}')

    def _format_dict_items(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        separator = ',\n' + ' ' * indent
        for i, (key, value) in enumerate(items):
            last = i == len(items) - 1
            krepr = self._repr(key, context, level)
            out.append(krepr)
            out.append(': ')
            self._format(value, out, indent + len(krepr) + 2,
                         allowance if last else 1, context, level)
            if not last:
                out.append(separator)

    def _pprint_list(self, object, out, indent, allowance, context, level):
        out.append('[')
        self._format_items(object, out, indent, allowance + 1, context, level)
        out.append(']')

    def _pprint_tuple(self, object, out, indent, allowance, context, level):
        out.append('(')
        close = ',)' if len(object) == 1 else ')'
        self._format_items(object, out, indent, allowance + len(close), context, level)
        out.append(close)

    def _pprint_set(self, object, out, indent, allowance, context, level):
        if not object:
            out.append(repr(object))
            return
        if type(object) is set:
            out.append('{')
            close = '}'
        else:
            out.append(type(object).__name__ + '({')
            close = '})'
            indent += len(type(object).__name__) + 1
        items = sorted(object, key=_SafeKey)
        self._format_items(items, out, indent, allowance + len(close), context, level)
        out.append(close)

    def _format_items(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        newline_sep = ',\n' + ' ' * indent
        items = list(items)
        room = full_room = self._width - indent + 1
        sep = ''
        for i, item in enumerate(items):
            last = i == len(items) - 1
            if last:
                full_room -= allowance
                room -= allowance
            if self._compact:
                rep = self._repr(item, context, level)
                need = len(rep) + 2
                if room < need:
                    room = full_room
                    if sep:
                        sep = newline_sep
                if room >= need:
                    room -= need
                    out.append(sep)
                    sep = ', '
                    out.append(rep)
                    continue
            out.append(sep)
            sep = newline_sep
            self._format(item, out, indent, allowance if last else 1, context, level)

    def _pprint_str(self, object, out, indent, allowance, context, level):
        if not object:
            out.append(repr(object))
            return
        if level == 1:
            indent += 1
            allowance += 1
        pieces = self._str_pieces(object, self._width - indent, allowance)
        if len(pieces) == 1:
            out.append(repr(object))
            return
        if level == 1:
            out.append('(')
        out.append(('\n' + ' ' * indent).join(pieces))
        if level == 1:
            out.append(')')

    @staticmethod
    def _str_pieces(text, width, allowance):
        """reprs of consecutive pieces of text, each fitting in width."""
        pieces = []
        lines = text.splitlines(True)
        for i, line in enumerate(lines):
            last_line = i == len(lines) - 1
            limit = width - allowance if last_line else width
            if len(repr(line)) <= limit:
                pieces.append(repr(line))
                continue
            words = _words(line)
            current = ''
            for j, word in enumerate(words):
                limit = width - allowance if (last_line and j == len(words) - 1) else width
                candidate = current + word
                if len(repr(candidate)) > limit:
                    if current:
                        pieces.append(repr(current))
                    current = word
                else:
                    current = candidate
            if current:
                pieces.append(repr(current))
        return pieces

    def _pprint_dataclass(self, object, out, indent, allowance, context, level):
        cls_name = object.__class__.__name__
        indent += len(cls_name) + 1
        fields = [(f.name, getattr(object, f.name))
                  for f in object.__dataclass_fields__.values()
                  if f.repr and f._field_type.name == '_FIELD']
        out.append(cls_name + '(')
        self._format_namespace_items(fields, out, indent, allowance, context, level)
        out.append(')')

    def _format_namespace_items(self, items, out, indent, allowance, context, level):
        separator = ',\n' + ' ' * indent
        for i, (key, value) in enumerate(items):
            last = i == len(items) - 1
            out.append(key)
            out.append('=')
            if id(value) in context:
                out.append('...')
            else:
                self._format(value, out, indent + len(key) + 1,
                             allowance if last else 1, context, level)
            if not last:
                out.append(separator)

    # -- one-line reprs -------------------------------------------------------

    def _safe_repr(self, object, context, maxlevels, level):
        """(repr, readable, recursive) with sorted dict keys and depth limit."""
        typ = type(object)
        if typ in (str, bytes, bool, float, complex, type(None)) or (
                typ is int and not self._underscore_numbers):
            return repr(object), True, False
        if typ is int:
            return f'{object:_d}', True, False
        r = typ.__repr__
        if r is dict.__repr__ or r is list.__repr__ or r is tuple.__repr__:
            if not object:
                return repr(object), True, False
            objid = id(object)
            if maxlevels and level >= maxlevels:
                if r is dict.__repr__:
                    return '{...}', False, objid in context
                return ('[...]' if r is list.__repr__ else '(...)'), False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            parts = []
            level += 1
            if r is dict.__repr__:
                items = object.items()
                if self._sort_dicts:
                    items = sorted(items, key=_safe_tuple)
                for k, v in items:
                    krepr, kreadable, krecur = self._safe_repr(k, context, maxlevels, level)
                    vrepr, vreadable, vrecur = self._safe_repr(v, context, maxlevels, level)
                    parts.append('%s: %s' % (krepr, vrepr))
                    readable = readable and kreadable and vreadable
                    recursive = recursive or krecur or vrecur
                text = '{%s}' % ', '.join(parts)
            else:
                for item in object:
                    orepr, oreadable, orecur = self._safe_repr(item, context, maxlevels, level)
                    parts.append(orepr)
                    readable = readable and oreadable
                    recursive = recursive or orecur
                if r is list.__repr__:
                    text = '[%s]' % ', '.join(parts)
                elif len(parts) == 1:
                    text = '(%s,)' % parts[0]
                else:
                    text = '(%s)' % ', '.join(parts)
            del context[objid]
            return text, readable, recursive
        rep = repr(object)
        return rep, bool(rep and not rep.startswith('<')), False


def _words(line):
    """Split a line into runs of non-space characters followed by spaces."""
    words = []
    i = 0
    n = len(line)
    while i < n:
        j = i
        while j < n and not line[j].isspace():
            j += 1
        while j < n and line[j].isspace():
            j += 1
        words.append(line[i:j])
        i = j
    return words
