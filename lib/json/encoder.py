"""JSON encoding (pyrite)."""

_ESCAPES = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n',
            '\r': '\\r', '\t': '\\t'}
INFINITY = float('inf')


def _escape_char(c, ensure_ascii):
    e = _ESCAPES.get(c)
    if e is not None:
        return e
    n = ord(c)
    if n < 0x20:
        return '\\u%04x' % n
    if ensure_ascii and n > 0x7e:
        if n >= 0x10000:
            n -= 0x10000
            return '\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff))
        return '\\u%04x' % n
    return c


def py_encode_basestring(s):
    return '"' + ''.join(_escape_char(c, False) for c in s) + '"'


def py_encode_basestring_ascii(s):
    return '"' + ''.join(_escape_char(c, True) for c in s) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Extensible JSON encoder for Python data structures."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return encode_basestring_ascii(o) if self.ensure_ascii else encode_basestring(o)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        chunks = []
        markers = {} if self.check_circular else None
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self._encode(o, chunks, markers, indent, 0)
        return chunks

    def _float(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def _str(self, s):
        return encode_basestring_ascii(s) if self.ensure_ascii else encode_basestring(s)

    def _encode(self, o, out, markers, indent, level):
        if isinstance(o, str):
            out.append(self._str(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self._float(o))
        elif isinstance(o, (list, tuple)):
            self._encode_list(o, out, markers, indent, level)
        elif isinstance(o, dict):
            self._encode_dict(o, out, markers, indent, level)
        else:
            self._enter(o, markers)
            self._encode(self.default(o), out, markers, indent, level)
            self._leave(o, markers)

    def _enter(self, o, markers):
        if markers is not None:
            if id(o) in markers:
                raise ValueError('Circular reference detected')
            markers[id(o)] = o

    def _leave(self, o, markers):
        if markers is not None:
            del markers[id(o)]

    def _open(self, indent, level):
        if indent is None:
            return None, self.item_separator
        newline = '\n' + indent * (level + 1)
        return newline, self.item_separator + newline

    def _encode_list(self, lst, out, markers, indent, level):
        if not lst:
            out.append('[]')
            return
        self._enter(lst, markers)
        newline, sep = self._open(indent, level)
        out.append('[' if newline is None else '[' + newline)
        first = True
        for value in lst:
            if not first:
                out.append(sep)
            first = False
            self._encode(value, out, markers, indent, level + 1)
        if newline is not None:
            out.append('\n' + indent * level)
        out.append(']')
        self._leave(lst, markers)

    def _encode_dict(self, dct, out, markers, indent, level):
        if not dct:
            out.append('{}')
            return
        self._enter(dct, markers)
        newline, sep = self._open(indent, level)
        out.append('{' if newline is None else '{' + newline)
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self._float(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if not first:
                out.append(sep)
            first = False
            out.append(self._str(key))
            out.append(self.key_separator)
            self._encode(value, out, markers, indent, level + 1)
        if newline is not None:
            out.append('\n' + indent * level)
        out.append('}')
        self._leave(dct, markers)
