"""OS routines (pyrite): path manipulation (os.path = posixpath) and the
portable constants; system calls come from a native `posix` module when
the interpreter provides one."""

import sys
import posixpath as path
from abc import ABC as _ABC, abstractmethod as _abstractmethod

name = 'posix'
linesep = '\n'
sep = path.sep
altsep = path.altsep
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
curdir = path.curdir
pardir = path.pardir
devnull = path.devnull

try:
    from posix import *  # noqa: F401,F403
except ImportError:
    pass

sys.modules['os.path'] = path


def fspath(p):
    """Return the file system path representation of the object."""
    if isinstance(p, (str, bytes)):
        return p
    func = getattr(type(p), '__fspath__', None)
    if func is None:
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(p).__name__)
    result = func(p)
    if isinstance(result, (str, bytes)):
        return result
    raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                    % (type(p).__name__, type(result).__name__))


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode('utf-8', 'surrogateescape') if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode('utf-8', 'surrogateescape') if isinstance(filename, bytes) else filename


class PathLike(_ABC):
    """Abstract base class for implementing the file system path protocol."""

    @_abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented
