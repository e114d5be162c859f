"""Interpret bytes as packed binary data (pyrite; pure Python, IEEE 754
floats encoded exactly with round-half-even)."""

import math as _math

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']


class error(Exception):
    pass


# code -> (standard size, native size, native alignment, kind, signed)
_CODES = {
    'x': (1, 1, 1, 'pad', False), 'c': (1, 1, 1, 'char', False),
    'b': (1, 1, 1, 'int', True), 'B': (1, 1, 1, 'int', False),
    '?': (1, 1, 1, 'bool', False), 'h': (2, 2, 2, 'int', True),
    'H': (2, 2, 2, 'int', False), 'i': (4, 4, 4, 'int', True),
    'I': (4, 4, 4, 'int', False), 'l': (4, 8, 8, 'int', True),
    'L': (4, 8, 8, 'int', False), 'q': (8, 8, 8, 'int', True),
    'Q': (8, 8, 8, 'int', False), 'n': (None, 8, 8, 'int', True),
    'N': (None, 8, 8, 'int', False), 'e': (2, 2, 2, 'float', False),
    'f': (4, 4, 4, 'float', False), 'd': (8, 8, 8, 'float', False),
    's': (1, 1, 1, 'str', False), 'p': (1, 1, 1, 'pstr', False),
    'P': (None, 8, 8, 'int', False),
}
# float format: (exponent bits, mantissa bits)
_FLOAT_BITS = {2: (5, 10), 4: (8, 23), 8: (11, 52)}


def _parse(fmt):
    if isinstance(fmt, bytes):
        fmt = fmt.decode('latin-1')
    if not isinstance(fmt, str):
        raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                        % type(fmt).__name__)
    order = '@'
    i = 0
    if fmt and fmt[0] in '@=<>!':
        order = fmt[0]
        i = 1
    native = order == '@'
    little = order in '<' or (order in '@=' and True)
    if order in '>!':
        little = False
    items = []
    offset = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c.isspace():
            i += 1
            continue
        count = None
        if c.isdigit():
            j = i
            while j < n and fmt[j].isdigit():
                j += 1
            count = int(fmt[i:j])
            i = j
            if i >= n:
                raise error('repeat count given without format specifier')
            c = fmt[i]
        i += 1
        spec = _CODES.get(c)
        if spec is None or (not native and c in 'nNP'):
            raise error('bad char in struct format')
        std, nat, align, kind, signed = spec
        size = nat if native else std
        if native and align > 1:
            offset = (offset + align - 1) // align * align
        if kind in ('str', 'pstr'):
            num = 1 if count is None else count
            items.append((c, kind, num, offset, signed))
            offset += num
        elif kind == 'pad':
            offset += 1 if count is None else count
        else:
            for _ in range(1 if count is None else count):
                items.append((c, kind, size, offset, signed))
                offset += size
    return items, offset, little


def _int_check(value, code, size, signed):
    if not isinstance(value, int):
        try:
            value = value.__index__()
        except AttributeError:
            raise error('required argument is not an integer') from None
    if signed:
        lo, hi = -(1 << (8 * size - 1)), (1 << (8 * size - 1)) - 1
    else:
        lo, hi = 0, (1 << (8 * size)) - 1
    if not lo <= value <= hi:
        named = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}.get(code)
        if named is None and signed and size == 4:
            named = "'%s'" % code
        if named is None:
            raise error('argument out of range')
        raise error('%s format requires %d <= number <= %d' % (named, lo, hi))
    return value


def _float_bits(x, size):
    ebits, mbits = _FLOAT_BITS[size]
    bias = (1 << (ebits - 1)) - 1
    sign = 1 if (x < 0 or (x == 0 and _math.copysign(1.0, x) < 0)) else 0
    x = abs(x)
    if _math.isnan(x):
        return (sign << (ebits + mbits)) | (((1 << ebits) - 1) << mbits) | (1 << (mbits - 1))
    if _math.isinf(x):
        return (sign << (ebits + mbits)) | (((1 << ebits) - 1) << mbits)
    if x == 0:
        return sign << (ebits + mbits)
    n, d = x.as_integer_ratio()
    e = n.bit_length() - d.bit_length()
    if (n << max(0, -e)) < (d << max(0, e)):
        e -= 1
    exp = max(e, 1 - bias)
    shift = mbits - exp
    num = n << shift if shift >= 0 else n
    den = d if shift >= 0 else d << -shift
    q, r = divmod(num, den)
    if 2 * r > den or (2 * r == den and q & 1):
        q += 1
    if q >= (1 << (mbits + 1)):
        q >>= 1
        exp += 1
    if exp > bias:
        raise OverflowError('float too large to pack with %s format'
                            % {2: 'e', 4: 'f', 8: 'd'}[size])
    if q < (1 << mbits):
        biased = 0
    else:
        biased = exp + bias
        q -= 1 << mbits
    return (sign << (ebits + mbits)) | (biased << mbits) | q


def _bits_float(bits, size):
    ebits, mbits = _FLOAT_BITS[size]
    bias = (1 << (ebits - 1)) - 1
    sign = -1.0 if bits >> (ebits + mbits) else 1.0
    biased = (bits >> mbits) & ((1 << ebits) - 1)
    mant = bits & ((1 << mbits) - 1)
    if biased == (1 << ebits) - 1:
        return sign * _math.inf if mant == 0 else _math.nan
    if biased == 0:
        return sign * _math.ldexp(mant, 1 - bias - mbits)
    return sign * _math.ldexp(mant | (1 << mbits), biased - bias - mbits)


class Struct:
    """Compiled struct object."""

    def __init__(self, format):
        self.format = format.decode('latin-1') if isinstance(format, bytes) else format
        self._items, self.size, self._little = _parse(format)

    def pack(self, *values):
        items = self._items
        if len(values) != len(items):
            raise error('pack expected %d items for packing (got %d)' % (len(items), len(values)))
        buf = bytearray(self.size)
        self._pack_into(buf, 0, values)
        return bytes(buf)

    def pack_into(self, buffer, offset, *values):
        if len(values) != len(self._items):
            raise error('pack_into expected %d items for packing (got %d)'
                        % (len(self._items), len(values)))
        if offset < 0:
            offset += len(buffer)
        if len(buffer) - offset < self.size:
            raise error('pack_into requires a buffer of at least %d bytes for packing '
                        '%d bytes at offset %d (actual buffer size is %d)'
                        % (self.size + offset, self.size, offset, len(buffer)))
        self._pack_into(buffer, offset, values)

    def _pack_into(self, buf, base, values):
        order = 'little' if self._little else 'big'
        for (code, kind, size, off, signed), value in zip(self._items, values):
            pos = base + off
            if kind == 'int':
                value = _int_check(value, code, size, signed)
                buf[pos:pos + size] = value.to_bytes(size, order, signed=signed)
            elif kind == 'bool':
                buf[pos] = 1 if value else 0
            elif kind == 'float':
                if not isinstance(value, (int, float)):
                    try:
                        value = value.__float__()
                    except AttributeError:
                        raise error('required argument is not a float') from None
                bits = _float_bits(float(value), size)
                buf[pos:pos + size] = bits.to_bytes(size, order)
            elif kind == 'char':
                if not isinstance(value, (bytes, bytearray)) or len(value) != 1:
                    raise error('char format requires a bytes object of length 1')
                buf[pos] = value[0]
            elif kind == 'str':
                if not isinstance(value, (bytes, bytearray)):
                    raise error("argument for 's' must be a bytes object")
                data = bytes(value[:size])
                buf[pos:pos + len(data)] = data
            elif kind == 'pstr':
                if not isinstance(value, (bytes, bytearray)):
                    raise error("argument for 'p' must be a bytes object")
                if size:
                    data = bytes(value[:size - 1])
                    buf[pos] = min(len(data), 255)
                    buf[pos + 1:pos + 1 + len(data)] = data

    def unpack(self, buffer):
        data = bytes(buffer)
        if len(data) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return self._unpack(data, 0)

    def unpack_from(self, buffer, offset=0):
        data = bytes(buffer)
        if offset < 0:
            offset += len(data)
        if len(data) - offset < self.size:
            raise error('unpack_from requires a buffer of at least %d bytes for '
                        'unpacking %d bytes at offset %d (actual buffer size is %d)'
                        % (self.size + offset, self.size, offset, len(data)))
        return self._unpack(data, offset)

    def _unpack(self, data, base):
        order = 'little' if self._little else 'big'
        out = []
        for code, kind, size, off, signed in self._items:
            chunk = data[base + off:base + off + size]
            if kind == 'int':
                out.append(int.from_bytes(chunk, order, signed=signed))
            elif kind == 'bool':
                out.append(chunk != b'\0')
            elif kind == 'float':
                out.append(_bits_float(int.from_bytes(chunk, order), size))
            elif kind == 'char':
                out.append(chunk)
            elif kind == 'str':
                out.append(chunk)
            elif kind == 'pstr':
                n = min(chunk[0], size - 1) if size else 0
                out.append(chunk[1:1 + n])
        return tuple(out)

    def iter_unpack(self, buffer):
        data = bytes(buffer)
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        if len(data) % self.size:
            raise error('iterative unpacking requires a buffer of a multiple of %d bytes'
                        % self.size)
        return (self._unpack(data, i) for i in range(0, len(data), self.size))


_cache = {}


def _compiled(fmt):
    s = _cache.get(fmt)
    if s is None:
        s = _cache[fmt] = Struct(fmt)
    return s


def calcsize(fmt):
    return _compiled(fmt).size


def pack(fmt, *values):
    return _compiled(fmt).pack(*values)


def pack_into(fmt, buffer, offset, *values):
    return _compiled(fmt).pack_into(buffer, offset, *values)


def unpack(fmt, buffer):
    return _compiled(fmt).unpack(buffer)


def unpack_from(fmt, buffer, offset=0):
    return _compiled(fmt).unpack_from(buffer, offset)


def iter_unpack(fmt, buffer):
    return _compiled(fmt).iter_unpack(buffer)
