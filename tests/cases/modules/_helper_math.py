print('_helper_math is being imported, __name__ =', __name__)
PI_ISH = 3.14
def square(x):
    return x * x
def _private():
    return 'private'
class Shape:
    sides = 0
if __name__ == '__main__':
    print('never printed when imported')
