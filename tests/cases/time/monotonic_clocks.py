import time
prev = time.perf_counter()
ok = True
for _ in range(1000):
    now = time.perf_counter()
    ok = ok and now >= prev
    prev = now
print('perf_counter monotonic:', ok)
m = [time.monotonic() for _ in range(100)]
print('monotonic non-decreasing:', all(a <= b for a, b in zip(m, m[1:])))
a = time.perf_counter_ns(); b = time.perf_counter_ns()
print(type(a).__name__, b >= a)
print(abs(time.time() - time.time_ns() / 1e9) < 1.0)
