# GC-12: objects left in gc.garbage at exit give a ResourceWarning from
# location gc:0 (hidden by the default filters; this program shows it).
import gc
import warnings

warnings.simplefilter("always")
gc.garbage.append([1, 2])
gc.garbage.append("x")
print("end")
