"""In-memory streams (StringIO, BytesIO) and the io names (pyrite)."""

import builtins

__all__ = ['StringIO', 'BytesIO', 'IOBase', 'RawIOBase', 'BufferedIOBase',
           'TextIOBase', 'UnsupportedOperation', 'open', 'SEEK_SET',
           'SEEK_CUR', 'SEEK_END', 'DEFAULT_BUFFER_SIZE']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = builtins.open


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    """The abstract base class for all I/O classes."""

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    _closed_message = 'I/O operation on closed file.'

    def _check_closed(self):
        if self.closed:
            raise ValueError(self._closed_message)

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_closed()
        return False

    def flush(self):
        self._check_closed()

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


class _MemoryIO:
    """Shared logic: a sequence buffer with a position (str or bytes)."""

    def __init__(self, initial, empty):
        self._empty = empty
        self._buf = initial
        self._pos = 0
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def getvalue(self):
        self._check_closed()
        return self._buf

    def tell(self):
        self._check_closed()
        return self._pos

    def read(self, size=-1):
        self._check_closed()
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), self._pos + size)
        data = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def readline(self, size=-1):
        self._check_closed()
        newline = self._newline_token()
        end = self._buf.find(newline, self._pos)
        end = len(self._buf) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        data = self._buf[self._pos:end]
        self._pos = max(self._pos, end)
        return data

    def _write(self, data):
        pos = self._pos
        buf = self._buf
        if pos > len(buf):
            buf = buf + self._pad(pos - len(buf))
        if pos == len(buf):
            self._buf = buf + data
        else:
            self._buf = buf[:pos] + data + buf[pos + len(data):]
        self._pos = pos + len(data)
        return len(data)

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError('Negative size value %d' % size)
        self._buf = self._buf[:size]
        return size


class StringIO(_MemoryIO, TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    _closed_message = 'I/O operation on closed file'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s'
                            % type(initial_value).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        self._newline = newline
        _MemoryIO.__init__(self, self._translate(initial_value), '')

    def _translate(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    def _newline_token(self):
        return '\r' if self._newline == '\r' else '\n'

    def _pad(self, n):
        return '\0' * n

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        length = len(s)
        self._write(self._translate(s))
        return length

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buf)
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def __repr__(self):
        return '<_io.StringIO object>'


class BytesIO(_MemoryIO, BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    def __init__(self, initial_bytes=b''):
        _MemoryIO.__init__(self, bytes(initial_bytes or b''), b'')

    def _newline_token(self):
        return b'\n'

    def _pad(self, n):
        return b'\0' * n

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(b)
        return self._write(data)

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def read1(self, size=-1):
        return self.read(size)

    def getbuffer(self):
        return memoryview(bytearray(self._buf))

    def __repr__(self):
        return '<_io.BytesIO object>'
