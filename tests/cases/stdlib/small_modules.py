import graphlib, fnmatch, shlex, reprlib, queue, base64
ts = graphlib.TopologicalSorter({'d': ['b', 'c'], 'b': ['a'], 'c': ['a']})
print(list(ts.static_order()))
try:
    list(graphlib.TopologicalSorter({'a': ['b'], 'b': ['a']}).static_order())
except graphlib.CycleError as e:
    print('cycle', e.args)
print(fnmatch.fnmatch('data.txt', '*.txt'), fnmatch.fnmatch('a.py', '?.p[xy]'), fnmatch.filter(['a.c', 'b.h', 'c.c'], '*.c'), fnmatch.fnmatchcase('A.C', '*.c'), fnmatch.translate('*.[!a-c]?'))
print(shlex.split('ls -l "my file" \'x y\' a\\ b'), shlex.quote("it's"), shlex.quote('safe-1.0'), shlex.join(['a b', 'c']), shlex.split('a # c', comments=True))
print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr({i: i for i in range(10)}), reprlib.repr(set(range(20))), reprlib.repr(2 ** 200))
q = queue.Queue(); [q.put(i) for i in range(3)]
print(q.get(), q.qsize(), q.empty())
pq = queue.PriorityQueue(); [pq.put(x) for x in (5, 1, 3)]
lq = queue.LifoQueue(); [lq.put(x) for x in 'abc']
print(pq.get(), pq.get(), lq.get())
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print('empty')
for data in (b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[:40]):
    e64, e32, e16 = base64.b64encode(data), base64.b32encode(data), base64.b16encode(data)
    print(e64, e32, e16, base64.b64decode(e64) == data, base64.b32decode(e32) == data, base64.b16decode(e16) == data)
print(base64.urlsafe_b64encode(b'\xfb\xff'), base64.urlsafe_b64decode('-_8='), base64.b64decode('Zm9v\nYmFy'), base64.encodebytes(b'x' * 60))
for bad in ('Zm9', 'Zg=', 'Z', 'Zm9=', 'Zg==', 'Zg===', 'Zm 9v'):
    try:
        print(repr(bad), base64.b64decode(bad))
    except Exception as e:
        print(repr(bad), type(e).__name__, e)
