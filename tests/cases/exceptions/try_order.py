def run(kind):
    log = []
    try:
        log.append('try')
        if kind == 'raise':
            raise ValueError('v')
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    log.append('after')
    return log
print(run('ok'))
print(run('raise'))
def nested():
    try:
        try:
            raise KeyError('inner')
        finally:
            print('inner finally')
    except KeyError as e:
        print('outer caught', repr(e))
    finally:
        print('outer finally')
nested()
