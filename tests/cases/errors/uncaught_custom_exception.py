class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f'{field}: {problem}')
        self.field = field
def validate(user):
    if not user.get('name'):
        raise ValidationError('name', 'must not be empty')
validate({'name': 'ok'})
print('first user valid')
validate({'name': ''})
