import os
import os.path
import posixpath
print(os.path is posixpath, os.sep, os.pathsep, os.curdir, os.pardir, os.linesep == '\n', os.name)
j = os.path.join
print(j('a', 'b', 'c'), j('/a', '/b'), j('a/', 'b'), j('', 'x'), j(b'a', b'b'))
for p in ('/usr/lib/x.tar.gz', 'file', '/', 'dir/', '.bashrc', 'a/.b.c', '//x//y', ''):
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p))
for p in ('a/./b/../c', '/../x', '//a/b', '///a', '', 'a/..', '../../x/', 'x//y/'):
    print(repr(p), os.path.normpath(p))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.commonprefix(['/usr/lib', '/usr/local']))
print(os.path.commonpath(['/usr/lib/a', '/usr/local/b']), os.path.splitdrive('/x/y'))
class P:
    def __fspath__(self):
        return 'from/fspath'
print(os.fspath(P()), os.path.basename(P()), isinstance(P(), os.PathLike))
try:
    os.fspath(3)
except TypeError as e:
    print(e)
