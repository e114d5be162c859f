def use_helper():
    import _helper_math as hm
    return hm.square(5)
print(use_helper())
print('_helper_math' in globals())
def lazy():
    from _helper_math import PI_ISH
    return PI_ISH
print(lazy())
