assert True
assert 1 == 1, 'not shown'
try:
    assert 1 == 2, 'one is not two'
except AssertionError as e:
    print('caught', e, e.args)
try:
    assert False
except AssertionError as e:
    print('bare', repr(e), e.args)
x = [1]
try:
    assert not x, f'x was {x}'
except AssertionError as e:
    print(e)
