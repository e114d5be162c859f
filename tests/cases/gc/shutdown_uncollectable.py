# GC-12 with DEBUG_UNCOLLECTABLE: the repr of gc.garbage is written to stderr
# at exit, indented by six spaces (the warning itself stays filtered out);
# with DEBUG_SAVEALL nothing is reported.
import gc

gc.garbage.append([1, 2])
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
print("end")
