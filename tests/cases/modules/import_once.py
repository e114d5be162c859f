import sys
import _helper_state
import _helper_state as again
print(_helper_state is again, _helper_state.bump(), again.bump(), again.counter)
print('_helper_state' in sys.modules, sys.modules['_helper_state'] is again)
from _helper_state import counter
print(counter)
_helper_state.bump()
print(counter, _helper_state.counter)
