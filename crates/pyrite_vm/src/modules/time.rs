//! The `time` module: clocks, `sleep`, and minimal `localtime`/`gmtime`/`strftime`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::object::PyRef;
use crate::types::module::module_dict;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{FuncArgs, NativeFn};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

/// Build the module.
pub fn make_module(vm: &Vm) -> PyResult {
    let m = crate::types::module::new_module(vm, "time");
    let d = module_dict(&m).clone();
    let functions: &[(&'static str, NativeFn)] = &[
        ("time", |vm, _| Ok(vm.new_float(unix_now().as_secs_f64()))),
        ("time_ns", |vm, _| Ok(ns_int(vm, unix_now()))),
        ("perf_counter", |vm, _| Ok(vm.new_float(monotonic().as_secs_f64()))),
        ("perf_counter_ns", |vm, _| Ok(ns_int(vm, monotonic()))),
        ("monotonic", |vm, _| Ok(vm.new_float(monotonic().as_secs_f64()))),
        ("monotonic_ns", |vm, _| Ok(ns_int(vm, monotonic()))),
        ("process_time", |vm, _| Ok(vm.new_float(process_time().as_secs_f64()))),
        ("process_time_ns", |vm, _| Ok(ns_int(vm, process_time()))),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("strftime", strftime),
        ("asctime", asctime),
        ("ctime", ctime),
        ("mktime", mktime),
    ];
    for &(name, f) in functions {
        vm.dict_set_str(&d, name, vm.new_builtin_function(name, f, Some("time")));
    }
    let fields = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];
    let st = crate::modules::sys::new_struct_seq_type(vm, "time", "struct_time", &fields)?;
    vm.dict_set_str(&d, "struct_time", st.into_ref());
    vm.dict_set_str(&d, "timezone", vm.new_int(0));
    vm.dict_set_str(&d, "altzone", vm.new_int(0));
    vm.dict_set_str(&d, "daylight", vm.new_int(0));
    vm.dict_set_str(&d, "tzname", vm.new_tuple(vec![vm.new_str("UTC"), vm.new_str("UTC")]));
    Ok(m)
}

fn unix_now() -> Duration {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default()
}

fn ns_int(vm: &Vm, d: Duration) -> PyRef {
    vm.new_bigint(num_bigint::BigInt::from(d.as_nanos()))
}

/// Time since the first call (a monotonic clock; only differences matter).
fn monotonic() -> Duration {
    thread_local! {
        static START: Instant = Instant::now();
    }
    START.with(|s| s.elapsed())
}

/// CPU time of the process.
fn process_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; the call only writes it.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if r != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn one_arg<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<&'a PyRef> {
    match a.positional() {
        [x] if a.kwnames.is_empty() => Ok(x),
        p => Err(vm.type_error(format!("{}() takes exactly one argument ({} given)", name, p.len()))),
    }
}

/// Seconds as f64 from an int or float argument.
fn seconds(vm: &Vm, o: &PyRef) -> PyResult<f64> {
    if let Some(f) = o.downcast::<crate::types::float::FloatObj>() {
        return Ok(f.value);
    }
    if let Some(i) = vm.small_int_of(o) {
        return Ok(i as f64);
    }
    Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", o.ty().name())))
}

/// `time.sleep(secs)`.
fn sleep(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = seconds(vm, one_arg(vm, &a, "sleep")?)?;
    if s.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    if s > 1e12 {
        return Err(vm.overflow_error("sleep length is too large"));
    }
    let deadline = Instant::now() + Duration::from_secs_f64(s);
    // Sleep in slices so Ctrl-C is noticed.
    loop {
        let now = Instant::now();
        if now >= deadline {
            return Ok(vm.none());
        }
        std::thread::sleep((deadline - now).min(Duration::from_millis(50)));
        if vm.interrupted() {
            return Err(vm.new_exception(&vm.exc.keyboard_interrupt, Vec::new()));
        }
    }
}

/// Broken-down UTC time: (year, month, mday, hour, min, sec, wday (Mon=0), yday).
fn civil(secs: i64) -> [i64; 8] {
    let days = secs.div_euclid(86400);
    let rem = secs.rem_euclid(86400);
    // Days to civil date (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let mday = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const CUM: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = CUM[(month - 1) as usize] + mday + i64::from(leap && month > 2);
    let wday = (days + 3).rem_euclid(7);
    [year, month, mday, rem / 3600, rem % 3600 / 60, rem % 60, wday, yday]
}

fn struct_time(vm: &Vm, secs: i64) -> PyResult {
    let d = vm.modules.clone();
    let st = vm
        .dict_get_str(&d, "time")
        .and_then(|m| vm.dict_get_str(module_dict(&m), "struct_time"))
        .and_then(TypeRef::new);
    let mut values: Vec<PyRef> = civil(secs).iter().map(|&v| vm.new_int(v)).collect();
    values.push(vm.new_int(0));
    Ok(match st {
        Some(t) => crate::modules::sys::struct_seq(vm, &t, values),
        None => vm.new_tuple(values),
    })
}

fn time_arg(vm: &Vm, a: &FuncArgs<'_>) -> PyResult<i64> {
    match a.positional().first() {
        Some(o) if !vm.is_none(o) => Ok(seconds(vm, o)?.floor() as i64),
        _ => Ok(unix_now().as_secs() as i64),
    }
}

/// `time.gmtime([secs])`.
fn gmtime(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    struct_time(vm, time_arg(vm, &a)?)
}

/// `time.localtime([secs])` (the local zone is treated as UTC).
fn localtime(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    struct_time(vm, time_arg(vm, &a)?)
}

/// The fields of a time tuple argument (`None`/absent: the current time).
fn time_tuple(vm: &Vm, t: Option<&PyRef>) -> PyResult<Vec<i64>> {
    let t: Vec<i64> = match t.filter(|t| !vm.is_none(t)) {
        Some(t) => {
            let items = t.downcast::<TupleObj>().map(|x| x.items().to_vec()).ok_or_else(|| vm.type_error("Tuple or struct_time argument required"))?;
            items.iter().map(|i| vm.small_int_of(i).unwrap_or(0)).collect()
        }
        None => civil(unix_now().as_secs() as i64).to_vec(),
    };
    if t.len() < 8 {
        return Err(vm.type_error("time tuple must have 9 elements"));
    }
    Ok(t)
}

const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// `Thu Jan  1 00:00:00 1970`.
fn asctime_text(t: &[i64]) -> String {
    let month = MONTHS[(t[1].clamp(1, 12) - 1) as usize];
    let day = DAYS[t[6].rem_euclid(7) as usize];
    format!("{} {} {:2} {:02}:{:02}:{:02} {}", &day[..3], &month[..3], t[2], t[3], t[4], t[5], t[0])
}

/// `time.asctime([t])`.
fn asctime(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_string(asctime_text(&time_tuple(vm, a.positional().first())?)))
}

/// `time.ctime([secs])`.
fn ctime(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_string(asctime_text(&civil(time_arg(vm, &a)?))))
}

/// `time.mktime(t)` (the local zone is UTC).
fn mktime(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let t = time_tuple(vm, a.positional().first())?;
    let (y, m) = if t[1] <= 2 { (t[0] - 1, t[1] + 9) } else { (t[0], t[1] - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + t[2] - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Ok(vm.new_float((days * 86400 + t[3] * 3600 + t[4] * 60 + t[5]) as f64))
}

/// `time.strftime(format[, t])` for the common directives.
fn strftime(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = a.positional();
    let fmt = p.first().and_then(|f| vm.str_of(f)).ok_or_else(|| vm.type_error("strftime() argument 1 must be str"))?;
    let t = time_tuple(vm, p.get(1))?;
    let month = MONTHS[(t[1].clamp(1, 12) - 1) as usize];
    let day = DAYS[t[6].rem_euclid(7) as usize];
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&t[0].to_string()),
            Some('y') => out.push_str(&format!("{:02}", t[0].rem_euclid(100))),
            Some('m') => out.push_str(&format!("{:02}", t[1])),
            Some('d') => out.push_str(&format!("{:02}", t[2])),
            Some('H') => out.push_str(&format!("{:02}", t[3])),
            Some('I') => out.push_str(&format!("{:02}", (t[3] + 11) % 12 + 1)),
            Some('p') => out.push_str(if t[3] < 12 { "AM" } else { "PM" }),
            Some('M') => out.push_str(&format!("{:02}", t[4])),
            Some('S') => out.push_str(&format!("{:02}", t[5])),
            Some('j') => out.push_str(&format!("{:03}", t[7])),
            Some('a') => out.push_str(&day[..3]),
            Some('A') => out.push_str(day),
            Some('b') => out.push_str(&month[..3]),
            Some('B') => out.push_str(month),
            Some('Z') => out.push_str("UTC"),
            Some('e') => out.push_str(&format!("{:2}", t[2])),
            Some('c') => out.push_str(&asctime_text(&t)),
            Some('x') => out.push_str(&format!("{:02}/{:02}/{:02}", t[1], t[2], t[0].rem_euclid(100))),
            Some('X') => out.push_str(&format!("{:02}:{:02}:{:02}", t[3], t[4], t[5])),
            Some('z') => out.push_str("+0000"),
            Some('%') => out.push('%'),
            Some(o) => {
                out.push('%');
                out.push(o);
            }
            None => out.push('%'),
        }
    }
    Ok(vm.new_string(out))
}

#[cfg(test)]
mod tests {
    use super::civil;

    #[test]
    fn asctime_format() {
        assert_eq!(super::asctime_text(&civil(0)), "Thu Jan  1 00:00:00 1970");
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil(0), [1970, 1, 1, 0, 0, 0, 3, 1]);
        assert_eq!(civil(951_782_400), [2000, 2, 29, 0, 0, 0, 1, 60]);
        assert_eq!(civil(1_700_000_000), [2023, 11, 14, 22, 13, 20, 1, 318]);
    }
}
