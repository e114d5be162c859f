"""JSON decoding (pyrite): JSONDecoder and JSONDecodeError; the scanning is
done by `_json`, with CPython's results and error messages."""

from json import scanner
from _json import scanstring as c_scanstring

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

scanstring = c_scanstring

WHITESPACE_STR = ' \t\n\r'


class JSONDecodeError(ValueError):
    """A ValueError for a document that is not valid JSON. Besides the
    formatted message it keeps ``msg`` (the bare message), ``doc`` (the
    document), ``pos`` (the index where decoding failed) and ``lineno`` and
    ``colno`` (1-based line and column of ``pos``)."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)'
                            % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}


def _skip_whitespace(s, i):
    n = len(s)
    while i < n and s[i] in WHITESPACE_STR:
        i += 1
    return i


class JSONDecoder(object):
    """Decodes JSON text: objects become dicts, arrays lists, strings str,
    numbers int or float, true/false True/False and null None; NaN, Infinity
    and -Infinity are accepted too."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        """``object_hook`` is called with every decoded object (a dict) and
        its result used instead; ``object_pairs_hook`` likewise with the list
        of (key, value) pairs, and takes priority. ``parse_float``,
        ``parse_int`` and ``parse_constant`` are called with the text of each
        float, int and NaN/Infinity/-Infinity. With ``strict`` false, control
        characters are allowed inside strings.
        """
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_string = scanstring
        self.scan_once = scanner.make_scanner(self)

    def decode(self, s):
        """Return the Python representation of ``s`` (a str holding a JSON
        document)."""
        obj, end = self.raw_decode(s, idx=_skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON document starting at ``s[idx]``; return the value
        and the index where the document ended."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
