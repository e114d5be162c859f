import time
t = time.gmtime(1000000000)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday)
print(tuple(t)[:6], time.strftime('%Y-%m-%dT%H:%M:%S', t))
print(time.gmtime(0)[:3], len(tuple(t)))
print(time.sleep(0) is None)
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
