"""Common operations on POSIX pathnames (pyrite; the pure string
operations, plus the filesystem queries when os provides stat)."""


__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "commonpath", "normpath",
           "abspath", "relpath", "exists", "isfile", "isdir", "sep", "curdir",
           "pardir", "extsep", "pathsep", "defpath", "altsep", "devnull"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError('expected str, bytes or os.PathLike object, not '
                        + type(p).__name__)
    return f(p)


def _seps(p):
    return ('/', '.', '..', '') if isinstance(p, str) else (b'/', b'.', b'..', b'')


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _fspath(a)
    slash = _seps(a)[0]
    path = a
    for b in map(_fspath, p):
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(slash):
            path = b
        elif not path or path.endswith(slash):
            path += b
        else:
            path += slash + b
    return path


def split(p):
    p = _fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head, tail = p[:i], p[i:]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head, tail


def splitext(p):
    p = _fspath(p)
    slash, dot = _seps(p)[0], _seps(p)[1]
    sep_index = p.rfind(slash)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    p = _fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head = p[:i]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def normpath(path):
    path = _fspath(path)
    slash, dot, dotdot, empty = _seps(path)
    if path == empty:
        return dot
    initial_slashes = path.count(slash, 0, 3) if path.startswith(slash) else 0
    if initial_slashes > 2 or initial_slashes == 1 or not path.startswith(slash * 2):
        initial_slashes = 1 if path.startswith(slash) else 0
    if path.startswith(slash * 2) and not path.startswith(slash * 3):
        initial_slashes = 2
    new_comps = []
    for comp in path.split(slash):
        if comp in (empty, dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    path = slash * initial_slashes + slash.join(new_comps)
    return path or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        import os
        cwd = os.getcwd() if isinstance(path, str) else os.getcwdb()
        path = join(cwd, path)
    return normpath(path)


def relpath(path, start=None):
    path = _fspath(path)
    if not path:
        raise ValueError('no path specified')
    if start is None:
        start = '.' if isinstance(path, str) else b'.'
    slash, dot, dotdot, _ = _seps(path)
    start_list = [x for x in abspath(start).split(slash) if x]
    path_list = [x for x in abspath(path).split(slash) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [dotdot] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return dot
    return join(*rel_list)


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    slash, dot = _seps(paths[0])[0], _seps(paths[0])[1]
    split_paths = [path.split(slash) for path in paths]
    try:
        isabs_, = set(p[:1] == slash for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != dot] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = slash if isabs_ else slash[:0]
    return prefix + slash.join(common)


def _stat_mode(path):
    import os
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat_mode(path) is not None


def isdir(path):
    mode = _stat_mode(path)
    return mode is not None and mode & 0o170000 == 0o040000


def isfile(path):
    mode = _stat_mode(path)
    return mode is not None and mode & 0o170000 == 0o100000
