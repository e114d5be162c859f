import pprint
data = {'name': 'widget', 'tags': ['a', 'b', 'c'] * 8, 'dims': {'w': 10, 'h': 20, 'depth': [1.5, 2.5]}, 'id': 12345678901234567890, 'z': (1,), 'set': {3, 1, 2}}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=40, compact=True)
pprint.pprint(data, indent=4, width=50)
pprint.pprint(list(range(40)))
pprint.pprint(list(range(40)), compact=True, width=30)
pprint.pprint({'b': 1, 'a': 2}), pprint.pp({'b': 1, 'a': 2})
pprint.pprint('lorem ipsum dolor sit amet ' * 6)
pprint.pprint(['lorem ipsum dolor sit amet ' * 4, 'x'])
pprint.pprint({'key': 'lorem ipsum\ndolor sit amet ' * 4}, width=30)
pprint.pprint([[1, 2, [3, 4, [5, 6]]]] * 3, depth=2)
pprint.pprint(frozenset(range(30)))
pprint.pprint((tuple(range(30)),))
print(pprint.pformat({'x': [1] * 50}, width=60))
print(pprint.saferepr({'b': [1, 2], 'a': (3,)}), pprint.isreadable([1, 'a']), pprint.isreadable(pprint))
from dataclasses import dataclass, field
@dataclass
class Row:
    name: str
    values: list = field(default_factory=list)
pprint.pprint(Row('alpha', list(range(30))))
pprint.pprint([Row('b', [1])], width=10)
print(pprint.pformat(10**10, underscore_numbers=True), pprint.pformat([], width=1), pprint.pformat({}, width=1))
