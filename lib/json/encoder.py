"""JSON encoding (pyrite): JSONEncoder. `encode` runs the native encoder of
`_json`; `iterencode` without `_one_shot` (and `json.dump`) runs the
generators of `_make_iterencode`, as CPython does."""

from _json import encode_basestring_ascii as c_encode_basestring_ascii
from _json import encode_basestring as c_encode_basestring
from _json import make_encoder as c_make_encoder

__all__ = ['JSONEncoder']

INFINITY = float('inf')

encode_basestring = c_encode_basestring
encode_basestring_ascii = c_encode_basestring_ascii


class JSONEncoder(object):
    """Encodes Python values as JSON text: dicts become objects, lists and
    tuples arrays, str strings, int and float numbers, True/False true/false
    and None null. For other objects ``default()`` (overridden by subclasses,
    or given as an argument) returns a value to encode instead."""
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        """``skipkeys``: skip dict keys that are not str, int, float, bool or
        None instead of raising TypeError. ``ensure_ascii``: escape non-ASCII
        characters. ``check_circular``: detect reference cycles (else they
        end in RecursionError). ``allow_nan``: write NaN and the infinities
        (else ValueError). ``sort_keys``: dict items in key order.
        ``indent``: a str or a number of spaces to indent nested items with
        (None: everything on one line). ``separators``: the (item, key)
        separator pair, default (', ', ': ') or (',', ': ') with an indent.
        ``default``: called with objects that cannot be serialized.
        """
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
        """Return a serializable object for ``o``, or raise TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return the JSON text of ``o``."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode ``o``, yielding the JSON text in pieces."""
        markers = {} if self.check_circular else None
        _encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        allow_nan = self.allow_nan

        def floatstr(o, _repr=float.__repr__):
            if o != o:
                text = 'NaN'
            elif o == INFINITY:
                text = 'Infinity'
            elif o == -INFINITY:
                text = '-Infinity'
            else:
                return _repr(o)
            if not allow_nan:
                raise ValueError(
                    "Out of range float values are not JSON compliant: " + repr(o))
            return text

        if _one_shot and self.indent is None:
            _iterencode = c_make_encoder(
                markers, self.default, _encoder, self.indent,
                self.key_separator, self.item_separator, self.sort_keys,
                self.skipkeys, self.allow_nan)
            return _iterencode(o, 0)
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        if (_one_shot and isinstance(indent, str)
                and isinstance(self.key_separator, str)
                and isinstance(self.item_separator, str)
                and (_encoder is c_encode_basestring_ascii
                     or _encoder is c_encode_basestring)):
            # The native encoder with the semantics of the generators below,
            # run when iterated, as they are.
            _iterencode = c_make_encoder(
                markers, self.default, _encoder, indent,
                self.key_separator, self.item_separator, self.sort_keys,
                self.skipkeys, self.allow_nan)
            return _native_chunks(_iterencode, o)
        _iterencode = _make_iterencode(
            markers, self.default, _encoder, indent, floatstr,
            self.key_separator, self.item_separator, self.sort_keys,
            self.skipkeys)
        return _iterencode(o, 0)


def _native_chunks(_iterencode, o):
    yield from _iterencode(o, 0)


def _make_iterencode(markers, _default, _encoder, _indent, _floatstr,
                     _key_separator, _item_separator, _sort_keys, _skipkeys):
    # The generators CPython runs for `iterencode` (and for `encode` with an
    # indent, which the native encoder imitates). `_indent` is None or a str.
    _intstr = int.__repr__

    def _mark(o):
        if markers is None:
            return None
        key = id(o)
        if key in markers:
            raise ValueError("Circular reference detected")
        markers[key] = o
        return key

    def _unmark(key):
        if key is not None:
            del markers[key]

    def _scalar(o):
        # The text of a str, None, bool, int or float; None for others.
        if isinstance(o, str):
            return _encoder(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return _intstr(o)
        if isinstance(o, float):
            return _floatstr(o)
        return None

    def _nested(o, level):
        if isinstance(o, (list, tuple)):
            return _iterencode_list(o, level)
        if isinstance(o, dict):
            return _iterencode_dict(o, level)
        return _iterencode(o, level)

    def _iterencode_list(lst, level):
        if not lst:
            yield '[]'
            return
        key = _mark(lst)
        buf = '['
        if _indent is not None:
            level += 1
            newline_indent = '\n' + _indent * level
            separator = _item_separator + newline_indent
            buf += newline_indent
        else:
            newline_indent = None
            separator = _item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            text = _scalar(value)
            if text is not None:
                yield buf + text
            else:
                yield buf
                yield from _nested(value, level)
        if newline_indent is not None:
            level -= 1
            yield '\n' + _indent * level
        yield ']'
        _unmark(key)

    def _key_text(key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _floatstr(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return _intstr(key)
        if _skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def _iterencode_dict(dct, level):
        if not dct:
            yield '{}'
            return
        marker = _mark(dct)
        yield '{'
        if _indent is not None:
            level += 1
            newline_indent = '\n' + _indent * level
            item_separator = _item_separator + newline_indent
            yield newline_indent
        else:
            newline_indent = None
            item_separator = _item_separator
        first = True
        items = sorted(dct.items()) if _sort_keys else dct.items()
        for key, value in items:
            key = _key_text(key)
            if key is None:
                continue
            if first:
                first = False
            else:
                yield item_separator
            yield _encoder(key)
            yield _key_separator
            text = _scalar(value)
            if text is not None:
                yield text
            else:
                yield from _nested(value, level)
        if newline_indent is not None:
            level -= 1
            yield '\n' + _indent * level
        yield '}'
        _unmark(marker)

    def _iterencode(o, level):
        text = _scalar(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from _iterencode_list(o, level)
        elif isinstance(o, dict):
            yield from _iterencode_dict(o, level)
        else:
            marker = _mark(o)
            o = _default(o)
            yield from _iterencode(o, level)
            _unmark(marker)

    return _iterencode
