class Widget:
    def __init__(self, size):
        self.size = self.check(size)
    @staticmethod
    def check(size):
        if size < 0:
            raise ValueError('negative size')
        return size
w = Widget(3)
Widget(-1)
