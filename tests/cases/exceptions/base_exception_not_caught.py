try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print('not here')
except BaseException as e:
    print('BaseException caught', type(e).__name__)
try:
    try:
        raise SystemExit(2)
    except Exception:
        print('not here either')
except SystemExit as e:
    print('SystemExit', e.code)
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception))
