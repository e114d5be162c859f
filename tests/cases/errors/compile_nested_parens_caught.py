src = '(' * 300 + '1' + ')' * 300
try:
    compile(src, '<nested>', 'eval')
except SyntaxError as e:
    print(type(e).__name__, e.msg)
src = '[' * 50 + ']' * 50
print(eval(src) == [[[[]]]] or 'nested list ok', len(repr(eval(src))))
try:
    eval('1 +* 2')
except SyntaxError as e:
    print(e.msg)
try:
    compile('x = (', '<s>', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno)
try:
    compile('def f(:\n  pass', '<s>', 'exec')
except SyntaxError as e:
    print(e.msg, e.lineno)
