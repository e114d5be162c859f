import weakref
for v in (1, 'a', [], (), {}, object()):
    try: weakref.ref(v)
    except TypeError as e: print(e)
