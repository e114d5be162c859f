import _helper_math
print(_helper_math.square(7), _helper_math.PI_ISH, _helper_math.__name__)
print(_helper_math._private(), _helper_math.Shape.sides)
print(type(_helper_math).__name__)
