VERSION = (1, 2)
def describe():
    return 'core of ' + __name__
