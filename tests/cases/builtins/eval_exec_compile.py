print(eval('1 + 2 * 3'), eval('x * 2', {'x': 21}), eval('[a for a in range(3)]'))
ns = {}
exec('y = 5\ndef f(): return y * 2', ns)
print(ns['y'], ns['f']())
code = compile('print("compiled", 1 + 1)', '<string>', 'exec')
exec(code)
print(eval(compile('3 ** 2', '<e>', 'eval')))
try:
    eval('1 +')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
loc = {'z': 1}
exec('z += 10', {}, loc)
print(loc)
