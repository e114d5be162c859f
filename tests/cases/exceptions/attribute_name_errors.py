class Thing:
    pass
try:
    Thing().missing
except AttributeError as e:
    print(e, e.name if hasattr(e, 'name') else '')
try:
    undefined_variable
except NameError as e:
    print(e, e.name if hasattr(e, 'name') else '')
try:
    [].appendd(1)
except AttributeError as e:
    print(e)
try:
    Thing.missing_cls_attr
except AttributeError as e:
    print(e)
import sys
try:
    sys.no_such_thing
except AttributeError as e:
    print(e)
