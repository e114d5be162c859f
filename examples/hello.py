"""A small tour: functions, classes, generators, exceptions and refcounting."""


class Greeter:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(f"goodbye, {self.name}")

    def greet(self, punctuation="!"):
        return f"hello, {self.name}{punctuation}"


def squares(n):
    for i in range(n):
        yield i * i


g = Greeter("world")
print(g.greet())
print(sum(squares(10)), [x for x in squares(5)])
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught:", e)
del g  # the last reference goes away here, so __del__ runs now
print("done")
