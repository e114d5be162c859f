class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, msg):
        super().__init__(f'{table}: {msg}')
        self.table = table
class NotFound(DbError):
    pass
for exc in [AppError('generic'), DbError('users', 'locked'), NotFound('items', 'id 3 missing'), KeyError('k')]:
    try:
        raise exc
    except NotFound as e:
        print('NotFound', e, e.table)
    except DbError as e:
        print('DbError', e, e.args)
    except AppError as e:
        print('AppError', e)
    except Exception as e:
        print('other', type(e).__name__, e)
print([c.__name__ for c in NotFound.__mro__])
print(issubclass(NotFound, Exception), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
