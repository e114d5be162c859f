def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return 'lookup ' + type(e).__name__
    except ArithmeticError as e:
        return 'arith ' + type(e).__name__
    except Exception as e:
        return 'exception ' + type(e).__name__
    except BaseException as e:
        return 'base ' + type(e).__name__
for exc in [KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), ValueError(), KeyboardInterrupt(), SystemExit(), GeneratorExit()]:
    print(classify(exc))
