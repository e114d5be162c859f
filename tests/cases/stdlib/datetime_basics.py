from datetime import timedelta, date, datetime, time, timezone
td = timedelta(days=1, hours=2, minutes=3, seconds=4.5, milliseconds=6)
print(td, repr(td), td.total_seconds(), -td, repr(-td), abs(-td), td * 2, td / 3, td // timedelta(hours=1), td % timedelta(hours=1))
print(timedelta(0), repr(timedelta()), timedelta(seconds=-1), timedelta(microseconds=1.5), timedelta(microseconds=2.5), timedelta(weeks=1, days=-8), timedelta(hours=1.1))
print(timedelta(days=2) > timedelta(hours=47), timedelta(hours=24) == timedelta(days=1), bool(timedelta()), td * 0.1, timedelta(seconds=1) / timedelta(milliseconds=3))
d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=2), d - date(2023, 12, 25), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), date.fromordinal(738944))
print(d.strftime('%Y/%m/%d %a %A %b %B %j %U %W %y %%'), f'{d:%d.%m.%Y}', d.replace(day=1), d.ctime(), date.fromisoformat('2021-07-04'), d.timetuple()[:8])
dt = datetime(2024, 3, 10, 14, 5, 9, 120000)
print(dt, repr(dt), dt.isoformat(), dt.isoformat(' ', 'seconds'), dt.date(), dt.time(), dt + timedelta(hours=12), dt - datetime(2024, 1, 1))
print(dt.strftime('%H:%M:%S.%f %I%p %c'), datetime.fromisoformat('2024-03-10T14:05:09'), datetime.fromisoformat('2024-03-10 14:05:09.5+02:00'))
print(datetime.strptime('2024-03-10 14:05', '%Y-%m-%d %H:%M'), datetime.strptime('10 March 2024 2PM', '%d %B %Y %I%p'), datetime.combine(d, time(8, 30)))
tz = timezone(timedelta(hours=2))
a = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
b = datetime(2024, 1, 1, 14, tzinfo=tz)
print(a == b, a - b, b.astimezone(timezone.utc), repr(a), repr(tz), tz, timezone.utc, a.isoformat(), b.utcoffset(), b.tzname())
print(time(9, 5), repr(time(9, 5, 3, 10)), time(23, 59).isoformat('minutes'), time.fromisoformat('10:20:30'), sorted([date(2020, 5, 1), date(2019, 1, 1)]))
print(datetime.fromtimestamp(0, timezone.utc), datetime.utcfromtimestamp(86400.5), a.timestamp(), hash(a) == hash(b), datetime(2020, 2, 29).replace(year=2021, day=28))
for bad in [lambda: date(2023, 2, 29), lambda: date(2023, 13, 1), lambda: datetime(2024, 1, 1, 24), lambda: datetime(2024, 1, 1) < a, lambda: date.fromisoformat('2024-1-1'), lambda: datetime.strptime('x', '%Y')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
