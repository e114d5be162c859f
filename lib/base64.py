"""Base16, Base32, Base64 (RFC 3548) and Base85 data encodings (pyrite; b16/b32/b64)."""

__all__ = ['b64encode', 'b64decode', 'standard_b64encode', 'standard_b64decode',
           'urlsafe_b64encode', 'urlsafe_b64decode', 'b32encode', 'b32decode',
           'b16encode', 'b16decode', 'encodebytes', 'decodebytes']

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B32 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'


class Error(ValueError):
    pass


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    try:
        return bytes(s)
    except TypeError:
        raise TypeError('argument should be a bytes-like object or ASCII '
                        'string, not %r' % s.__class__.__name__) from None


def _to_bytes(s):
    if isinstance(s, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(s)


def b64encode(s, altchars=None):
    """Encode the bytes-like object s using Base64 and return a bytes object."""
    data = _to_bytes(s)
    out = bytearray()
    for i in range(0, len(data) - len(data) % 3, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63], _B64[n & 63]))
    rest = len(data) % 3
    if rest == 1:
        n = data[-1] << 16
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63])) + b'=='
    elif rest == 2:
        n = (data[-2] << 16) | (data[-1] << 8)
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63])) + b'='
    encoded = bytes(out)
    if altchars is not None:
        altchars = _to_bytes(altchars)
        encoded = encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode the Base64 encoded bytes-like object or ASCII string s."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    values = []
    pad = 0
    for c in s:
        if c == 61:
            pad += 1
            continue
        idx = _B64.find(bytes((c,)))
        if idx < 0:
            if validate:
                raise Error('Non-base64 digit found')
            continue
        if pad:
            if validate:
                raise Error('Excess data after padding')
            continue
        values.append(idx)
    rest = len(values) % 4
    if rest == 1:
        raise Error('Invalid base64-encoded string: number of data characters (%d) '
                    'cannot be 1 more than a multiple of 4' % len(values))
    if rest and pad < 4 - rest:
        raise Error('Incorrect padding')
    out = bytearray()
    for i in range(0, len(values), 4):
        chunk = values[i:i + 4]
        n = 0
        for v in chunk:
            n = (n << 6) | v
        n <<= 6 * (4 - len(chunk))
        out += n.to_bytes(3, 'big')[:len(chunk) - 1 if len(chunk) < 4 else 3]
    return bytes(out)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s).translate(bytes.maketrans(b'+/', b'-_'))


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    return b64decode(s.translate(bytes.maketrans(b'-_', b'+/')))


def encodebytes(s):
    """Encode a bytestring into a bytes object containing multiple lines."""
    encoded = b64encode(s)
    return b''.join(encoded[i:i + 76] + b'\n' for i in range(0, len(encoded), 76))


def decodebytes(s):
    return b64decode(s)


def b32encode(s):
    data = _to_bytes(s)
    out = bytearray()
    for i in range(0, len(data), 5):
        chunk = data[i:i + 5]
        n = int.from_bytes(chunk + b'\0' * (5 - len(chunk)), 'big')
        chars = bytes(_B32[(n >> (35 - 5 * k)) & 31] for k in range(8))
        used = {1: 2, 2: 4, 3: 5, 4: 7, 5: 8}[len(chunk)]
        out += chars[:used] + b'=' * (8 - used)
    return bytes(out)


def b32decode(s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise Error('Incorrect padding')
    if map01 is not None:
        s = s.translate(bytes.maketrans(b'01', b'O' + _bytes_from_decode_data(map01)))
    if casefold:
        s = s.upper()
    stripped = s.rstrip(b'=')
    padchars = len(s) - len(stripped)
    out = bytearray()
    for i in range(0, len(stripped), 8):
        chunk = stripped[i:i + 8]
        n = 0
        for c in chunk:
            idx = _B32.find(bytes((c,)))
            if idx < 0:
                raise Error('Non-base32 digit found')
            n = (n << 5) | idx
        n <<= 5 * (8 - len(chunk))
        out += n.to_bytes(5, 'big')
    if padchars:
        drop = {1: 1, 3: 2, 4: 3, 6: 4}.get(padchars)
        if drop is None:
            raise Error('Incorrect padding')
        out = out[:-drop]
    return bytes(out)


def b16encode(s):
    return _to_bytes(s).hex().upper().encode('ascii')


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if any(c not in b'0123456789ABCDEF' for c in s):
        raise Error('Non-base16 digit found')
    return bytes.fromhex(s.decode('ascii'))
