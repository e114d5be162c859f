def fail():
    raise ValueError('deep')
def mid():
    fail()
try:
    mid()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)
    print(e.__traceback__.tb_lineno)
