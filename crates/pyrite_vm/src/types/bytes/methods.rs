//! Methods shared by `bytes` and `bytearray`, and the mutators of `bytearray`.

use crate::object::PyRef;
use crate::types::list::ListObj;
use crate::types::str::args::{bind_from, ssize};
use crate::types::str::methods::adjust_range;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{FuncArgs, Layout, NativeFn};
use crate::vm::Vm;
use crate::PyResult;

use super::{byte_value, bytes_like, make_like, need_bytes, new_bytearray, ByteArrayObj};

/// Position of `needle` in `hay`.
pub(crate) fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Last position of `needle` in `hay`.
fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Non-overlapping occurrences of `needle` in `hay`.
fn count_sub(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let (mut n, mut i) = (0, 0);
    while let Some(p) = find_sub(&hay[i..], needle) {
        n += 1;
        i += p + needle.len();
    }
    n
}

fn tyname(o: &PyRef) -> &'static str {
    if o.ty().layout == Layout::ByteArray {
        "bytearray"
    } else {
        "bytes"
    }
}

/// `self` (bytes or bytearray), its contents, and the other positional args.
fn me<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str, kw_ok: bool) -> PyResult<(&'a PyRef, Vec<u8>, &'a [PyRef])> {
    let pos = a.positional();
    let Some(first) = pos.first() else {
        return Err(vm.type_error(format!("unbound method bytes.{name}() needs an argument")));
    };
    let Some(data) = bytes_like(first) else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            first.ty().name()
        )));
    };
    if !kw_ok && !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{}.{name}() takes no keyword arguments", tyname(first))));
    }
    Ok((first, data, &pos[1..]))
}

fn noargs<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<(&'a PyRef, Vec<u8>)> {
    let (o, d, rest) = me(vm, a, name, false)?;
    if !rest.is_empty() {
        return Err(vm.type_error(format!("{}.{name}() takes no arguments ({} given)", tyname(o), rest.len())));
    }
    Ok((o, d))
}

fn count_args(vm: &Vm, rest: &[PyRef], name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = rest.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min {
        return Err(vm.type_error(format!("{name}() takes at least {min} argument{} ({n} given)", plural(min))));
    }
    if n > max {
        return Err(vm.type_error(format!("{name}() takes at most {max} argument{} ({n} given)", plural(max))));
    }
    Ok(())
}

/// The `sub` argument of find/count/index: bytes-like or a byte value.
fn sub_arg(vm: &Vm, o: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(o) {
        return Ok(b);
    }
    if o.ty().layout == Layout::Int || o.ty().slots().index.is_some() {
        return Ok(vec![byte_value(vm, o)?]);
    }
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", o.ty().name())))
}

/// A search request: (data, sub, lo, hi).
type Search = (Vec<u8>, Vec<u8>, usize, usize);

/// find/rfind/index/rindex/count over `[start:end]`, or `None` when nothing can match.
fn search_args(vm: &Vm, a: &FuncArgs<'_>, name: &str) -> PyResult<Option<Search>> {
    let (_, data, rest) = me(vm, a, name, false)?;
    count_args(vm, rest, name, 1, 3)?;
    let sub = sub_arg(vm, &rest[0])?;
    Ok(adjust_range(vm, data.len(), rest.get(1), rest.get(2))?.map(|(lo, hi)| (data, sub, lo, hi)))
}

fn find_impl(vm: &Vm, a: &FuncArgs<'_>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let Some((data, sub, lo, hi)) = search_args(vm, a, name)? else { return Ok(None) };
    let hay = &data[lo..hi];
    Ok(if reverse { rfind_sub(hay, &sub) } else { find_sub(hay, &sub) }.map(|p| p + lo))
}

fn b_find(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_int(find_impl(vm, &a, "find", false)?.map_or(-1, |i| i as i64)))
}
fn b_rfind(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_int(find_impl(vm, &a, "rfind", true)?.map_or(-1, |i| i as i64)))
}
fn b_index(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    find_impl(vm, &a, "index", false)?.map(|i| vm.new_int(i as i64)).ok_or_else(|| vm.value_error("subsection not found"))
}
fn b_rindex(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    find_impl(vm, &a, "rindex", true)?.map(|i| vm.new_int(i as i64)).ok_or_else(|| vm.value_error("subsection not found"))
}
fn b_count(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let n = search_args(vm, &a, "count")?.map_or(0, |(d, s, lo, hi)| count_sub(&d[lo..hi], &s));
    Ok(vm.new_int(n as i64))
}

fn affix(vm: &Vm, a: &FuncArgs<'_>, name: &str, end: bool) -> PyResult {
    let (_, data, rest) = me(vm, a, name, false)?;
    count_args(vm, rest, name, 1, 3)?;
    let Some((lo, hi)) = adjust_range(vm, data.len(), rest.get(1), rest.get(2))? else { return Ok(vm.new_bool(false)) };
    let hay = &data[lo..hi];
    let test = |p: &[u8]| if end { hay.ends_with(p) } else { hay.starts_with(p) };
    if let Some(t) = rest[0].downcast::<TupleObj>() {
        for item in t.items() {
            let Some(p) = bytes_like(item) else {
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", item.ty().name())));
            };
            if test(&p) {
                return Ok(vm.new_bool(true));
            }
        }
        return Ok(vm.new_bool(false));
    }
    match bytes_like(&rest[0]) {
        Some(p) => Ok(vm.new_bool(test(&p))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            rest[0].ty().name()
        ))),
    }
}

fn b_startswith(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    affix(vm, &a, "startswith", false)
}
fn b_endswith(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    affix(vm, &a, "endswith", true)
}

fn b_decode(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, data, _) = me(vm, &a, "decode", true)?;
    let [enc, err] = bind_from(vm, &a, 1, "decode", &["encoding", "errors"], 0)?;
    let enc = crate::types::str::args::opt_str(vm, enc, "decode", "encoding", 1)?.unwrap_or("utf-8");
    let err = crate::types::str::args::opt_str(vm, err, "decode", "errors", 2)?.unwrap_or("strict");
    Ok(vm.new_string(super::decode(vm, &data, enc, err, o)?))
}

fn b_join(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, sep, rest) = me(vm, &a, "join", false)?;
    let [it] = rest else {
        return Err(vm.type_error(format!("{}.join() takes exactly one argument ({} given)", tyname(o), rest.len())));
    };
    let items: Vec<PyRef> = if let Some(l) = it.downcast::<ListObj>() {
        l.to_vec()
    } else if let Some(t) = it.downcast::<TupleObj>() {
        t.items().to_vec()
    } else {
        let s = it.ty().slots();
        if s.iter.is_none() && s.getitem.is_none() {
            return Err(vm.type_error("can only join an iterable"));
        }
        vm.collect(it)?
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(b) = bytes_like(item) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                item.ty().name()
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(make_like(vm, o, out))
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_impl(vm: &Vm, a: &FuncArgs<'_>, name: &str, reverse: bool) -> PyResult {
    let (o, data, _) = me(vm, a, name, true)?;
    let [sep, maxsplit] = bind_from(vm, a, 1, name, &["sep", "maxsplit"], 0)?;
    let sep = match sep {
        Some(s) if !vm.is_none(s) => Some(need_bytes(vm, s)?),
        _ => None,
    };
    if sep.as_deref() == Some(&[]) {
        return Err(vm.value_error("empty separator"));
    }
    let max = match maxsplit {
        Some(m) => usize::try_from(ssize(vm, m)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let parts = match sep {
        None => split_ws(&data, max, reverse),
        Some(sep) => split_sep(&data, &sep, max, reverse),
    };
    Ok(vm.new_list(parts.into_iter().map(|p| make_like(vm, o, p)).collect()))
}

fn split_ws(data: &[u8], max: usize, reverse: bool) -> Vec<Vec<u8>> {
    let mut v: Vec<u8> = data.to_vec();
    if reverse {
        v.reverse();
    }
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut i = 0;
    while i < v.len() {
        while i < v.len() && is_ws(v[i]) {
            i += 1;
        }
        if i == v.len() {
            break;
        }
        if out.len() == max {
            let mut rest = v[i..].to_vec();
            if !reverse {
                out.push(rest);
            } else {
                rest.reverse();
                out.push(rest);
            }
            break;
        }
        let start = i;
        while i < v.len() && !is_ws(v[i]) {
            i += 1;
        }
        let mut w = v[start..i].to_vec();
        if reverse {
            w.reverse();
        }
        out.push(w);
    }
    if reverse {
        out.reverse();
    }
    out
}

fn split_sep(data: &[u8], sep: &[u8], max: usize, reverse: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    if !reverse {
        let mut rest = data;
        while out.len() < max {
            let Some(p) = find_sub(rest, sep) else { break };
            out.push(rest[..p].to_vec());
            rest = &rest[p + sep.len()..];
        }
        out.push(rest.to_vec());
        return out;
    }
    let mut rest = data;
    while out.len() < max {
        let Some(p) = rfind_sub(rest, sep) else { break };
        out.push(rest[p + sep.len()..].to_vec());
        rest = &rest[..p];
    }
    out.push(rest.to_vec());
    out.reverse();
    out
}

fn b_split(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    split_impl(vm, &a, "split", false)
}
fn b_rsplit(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    split_impl(vm, &a, "rsplit", true)
}

fn strip_impl(vm: &Vm, a: &FuncArgs<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let (o, data, rest) = me(vm, a, name, false)?;
    crate::types::list::arg_count(vm, rest, name, 0, 1)?;
    let set = match rest.first() {
        Some(c) if !vm.is_none(c) => Some(need_bytes(vm, c)?),
        _ => None,
    };
    let strip = |b: &u8| match &set {
        Some(s) => s.contains(b),
        None => is_ws(*b),
    };
    let mut lo = 0;
    let mut hi = data.len();
    if left {
        while lo < hi && strip(&data[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip(&data[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(make_like(vm, o, data[lo..hi].to_vec()))
}

fn b_strip(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    strip_impl(vm, &a, "strip", true, true)
}
fn b_lstrip(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    strip_impl(vm, &a, "lstrip", true, false)
}
fn b_rstrip(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    strip_impl(vm, &a, "rstrip", false, true)
}

fn b_replace(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, data, rest) = me(vm, &a, "replace", false)?;
    crate::types::list::arg_count(vm, rest, "replace", 2, 3)?;
    let old = need_bytes(vm, &rest[0])?;
    let new = need_bytes(vm, &rest[1])?;
    let mut left = match rest.get(2) {
        Some(c) => usize::try_from(ssize(vm, c)?).unwrap_or(usize::MAX),
        None => usize::MAX,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    if old.is_empty() {
        for &b in &data {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(b);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(make_like(vm, o, out));
    }
    while left > 0 {
        let Some(p) = find_sub(&data[i..], &old) else { break };
        out.extend_from_slice(&data[i..i + p]);
        out.extend_from_slice(&new);
        i += p + old.len();
        left -= 1;
    }
    out.extend_from_slice(&data[i..]);
    Ok(make_like(vm, o, out))
}

fn partition_impl(vm: &Vm, a: &FuncArgs<'_>, name: &str, reverse: bool) -> PyResult {
    let (o, data, rest) = me(vm, a, name, false)?;
    let [sep] = rest else {
        return Err(vm.type_error(format!("{}.{name}() takes exactly one argument ({} given)", tyname(o), rest.len())));
    };
    let sep = need_bytes(vm, sep)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse { rfind_sub(&data, &sep) } else { find_sub(&data, &sep) };
    let parts = match found {
        Some(p) => [data[..p].to_vec(), sep.clone(), data[p + sep.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), data],
        None => [data, Vec::new(), Vec::new()],
    };
    Ok(vm.new_tuple(parts.into_iter().map(|p| make_like(vm, o, p)).collect()))
}

fn b_partition(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    partition_impl(vm, &a, "partition", false)
}
fn b_rpartition(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    partition_impl(vm, &a, "rpartition", true)
}

fn b_upper(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, d) = noargs(vm, &a, "upper")?;
    Ok(make_like(vm, o, d.to_ascii_uppercase()))
}
fn b_lower(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, d) = noargs(vm, &a, "lower")?;
    Ok(make_like(vm, o, d.to_ascii_lowercase()))
}

macro_rules! byte_predicates {
    ($($f:ident, $name:literal, $test:expr;)*) => {$(
        fn $f(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
            let (_, d) = noargs(vm, &a, $name)?;
            let test: fn(&[u8]) -> bool = $test;
            Ok(vm.new_bool(test(&d)))
        }
    )*};
}

byte_predicates! {
    b_isalpha, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic);
    b_isdigit, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit);
    b_isalnum, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric);
    b_isspace, "isspace", |d| !d.is_empty() && d.iter().all(|b| is_ws(*b));
    b_isascii, "isascii", |d| d.is_ascii();
    b_isupper, "isupper", |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase);
    b_islower, "islower", |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase);
    b_istitle, "istitle", istitle;
}

/// `bytes.istitle()`: uppercase letters only after uncased bytes, lowercase only after cased ones.
fn istitle(d: &[u8]) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for &c in d {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn b_bytes(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, d) = noargs(vm, &a, "__bytes__")?;
    if std::ptr::eq(o.ty(), &*vm.types.bytes) {
        return Ok(o.clone());
    }
    Ok(vm.new_bytes(d))
}

fn b_hex(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (_, data, _) = me(vm, &a, "hex", true)?;
    let [sep, per] = bind_from(vm, &a, 1, "hex", &["sep", "bytes_per_sep"], 0)?;
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = sep else { return Ok(vm.new_string(digits.concat())) };
    let sep = match vm.str_of(sep) {
        Some(s) => s.to_string(),
        None => String::from_utf8_lossy(&need_bytes(vm, sep)?).into_owned(),
    };
    if sep.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let per = match per {
        Some(p) => vm.index_i64(p)?,
        None => 1,
    };
    if per == 0 {
        return Ok(vm.new_string(digits.concat()));
    }
    let k = per.unsigned_abs() as usize;
    let groups: Vec<String> = if per > 0 {
        // Groups are counted from the right.
        let first = digits.len() % k;
        let mut g = Vec::new();
        if first > 0 {
            g.push(digits[..first].concat());
        }
        g.extend(digits[first..].chunks(k).map(|c| c.concat()));
        g
    } else {
        digits.chunks(k).map(|c| c.concat()).collect()
    };
    Ok(vm.new_string(groups.join(&sep)))
}

fn b_fromhex(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let pos = a.positional();
    let [cls, s] = pos else {
        return Err(vm.type_error(format!("fromhex() takes exactly one argument ({} given)", pos.len().saturating_sub(1))));
    };
    let Some(text) = vm.str_of(s) else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", s.ty().name())));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |i: usize| vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"));
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16)).ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    if cls.is(vm.types.bytes.as_ref()) {
        return Ok(vm.new_bytes(out));
    }
    if cls.is(vm.types.bytearray.as_ref()) {
        return Ok(new_bytearray(vm, None, out));
    }
    vm.call_pos(cls, &[vm.new_bytes(out)])
}

/// `center`/`ljust`/`rjust`: 0 left-justify, 1 right-justify, 2 center.
fn justify(vm: &Vm, a: &FuncArgs<'_>, name: &str, how: u8) -> PyResult {
    let (o, data, rest) = me(vm, a, name, false)?;
    crate::types::list::arg_count(vm, rest, name, 1, 2)?;
    let width = ssize(vm, &rest[0])?;
    let fill = match rest.get(1) {
        Some(f) => match bytes_like(f) {
            Some(b) if b.len() == 1 => b[0],
            Some(_) => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    f.ty().name()
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    f.ty().name()
                )))
            }
        },
        None => b' ',
    };
    let len = data.len() as isize;
    if width <= len {
        return Ok(make_like(vm, o, data));
    }
    let marg = (width - len) as usize;
    if marg > crate::types::format::MAX_WIDTH {
        return Err(crate::types::list::memory_error(vm));
    }
    let left = match how {
        0 => 0,
        1 => marg,
        _ => marg / 2 + (marg & width as usize & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&data);
    out.resize(data.len() + marg, fill);
    Ok(make_like(vm, o, out))
}

fn b_ljust(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    justify(vm, &a, "ljust", 0)
}
fn b_rjust(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    justify(vm, &a, "rjust", 1)
}
fn b_center(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    justify(vm, &a, "center", 2)
}

fn b_zfill(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, data, rest) = me(vm, &a, "zfill", false)?;
    let [w] = rest else {
        return Err(vm.type_error(format!("{}.zfill() takes exactly one argument ({} given)", tyname(o), rest.len())));
    };
    let width = ssize(vm, w)?;
    if width <= data.len() as isize {
        return Ok(make_like(vm, o, data));
    }
    let pad = width as usize - data.len();
    if pad > crate::types::format::MAX_WIDTH {
        return Err(crate::types::list::memory_error(vm));
    }
    let (sign, digits) = match data.first() {
        Some(&c @ (b'+' | b'-')) => (vec![c], &data[1..]),
        _ => (Vec::new(), &data[..]),
    };
    let mut out = sign;
    out.resize(out.len() + pad, b'0');
    out.extend_from_slice(digits);
    Ok(make_like(vm, o, out))
}

fn b_expandtabs(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, data, _) = me(vm, &a, "expandtabs", true)?;
    let [ts] = bind_from(vm, &a, 1, "expandtabs", &["tabsize"], 0)?;
    let tab = match ts {
        Some(t) => ssize(vm, t)?,
        None => 8,
    };
    let tab = i32::try_from(tab).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))? as isize;
    let mut out = Vec::with_capacity(data.len());
    let mut col = 0usize;
    for &c in &data {
        match c {
            b'\t' if tab > 0 => {
                let n = tab as usize - col % tab as usize;
                out.resize(out.len() + n, b' ');
                col += n;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make_like(vm, o, out))
}

fn b_swapcase(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, d) = noargs(vm, &a, "swapcase")?;
    let out = d.iter().map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }).collect();
    Ok(make_like(vm, o, out))
}

fn b_capitalize(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, d) = noargs(vm, &a, "capitalize")?;
    let out = d.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect();
    Ok(make_like(vm, o, out))
}

fn b_title(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, d) = noargs(vm, &a, "title")?;
    let mut prev_cased = false;
    let out = d
        .iter()
        .map(|&c| {
            let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
            prev_cased = c.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok(make_like(vm, o, out))
}

fn b_splitlines(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, data, _) = me(vm, &a, "splitlines", true)?;
    let [keep] = bind_from(vm, &a, 1, "splitlines", &["keepends"], 0)?;
    let keep = match keep {
        Some(k) => vm.index_i64(k)? != 0,
        None => false,
    };
    let mut parts = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < data.len() {
        let c = data[i];
        if c != b'\n' && c != b'\r' {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if c == b'\r' && data.get(end) == Some(&b'\n') {
            end += 1;
        }
        parts.push(data[start..if keep { end } else { i }].to_vec());
        start = end;
        i = end;
    }
    if start < data.len() {
        parts.push(data[start..].to_vec());
    }
    Ok(vm.new_list(parts.into_iter().map(|p| make_like(vm, o, p)).collect()))
}

fn affix_remove(vm: &Vm, a: &FuncArgs<'_>, name: &str, suffix: bool) -> PyResult {
    let (o, data, rest) = me(vm, a, name, false)?;
    let [x] = rest else {
        return Err(vm.type_error(format!("{}.{name}() takes exactly one argument ({} given)", tyname(o), rest.len())));
    };
    let p = need_bytes(vm, x)?;
    let out = if suffix {
        data.strip_suffix(&p[..]).unwrap_or(&data).to_vec()
    } else {
        data.strip_prefix(&p[..]).unwrap_or(&data).to_vec()
    };
    Ok(make_like(vm, o, out))
}

fn b_removeprefix(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    affix_remove(vm, &a, "removeprefix", false)
}
fn b_removesuffix(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    affix_remove(vm, &a, "removesuffix", true)
}

fn b_translate(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, data, _) = me(vm, &a, "translate", true)?;
    let [table, delete] = bind_from(vm, &a, 1, "translate", &["table", "delete"], 1)?;
    let table = match table {
        Some(t) if !vm.is_none(t) => {
            let t = need_bytes(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match delete {
        Some(d) => need_bytes(vm, d)?,
        None => Vec::new(),
    };
    let out = data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(make_like(vm, o, out))
}

fn b_maketrans(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let pos = a.positional();
    crate::types::list::arg_count(vm, pos, "maketrans", 2, 2)?;
    let from = need_bytes(vm, &pos[0])?;
    let to = need_bytes(vm, &pos[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(vm.new_bytes(table))
}

fn b_sizeof(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (o, d) = noargs(vm, &a, "__sizeof__")?;
    let size = if o.ty().layout == Layout::ByteArray {
        56 + if d.is_empty() { 0 } else { d.len() + 1 }
    } else {
        33 + d.len()
    };
    Ok(vm.new_int(size as i64))
}

fn b_getnewargs(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (_, d) = noargs(vm, &a, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_bytes(d)]))
}

// ----- bytearray mutators -----

fn ba_self<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<(&'a ByteArrayObj, &'a [PyRef])> {
    crate::types::str::args::self_of::<ByteArrayObj>(vm, a, "bytearray", name)
}

fn ba_append(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, rest) = ba_self(vm, &a, "append")?;
    let [x] = rest else {
        return Err(vm.type_error(format!("bytearray.append() takes exactly one argument ({} given)", rest.len())));
    };
    let b = byte_value(vm, x)?;
    ba.with_mut(|v| v.push(b));
    Ok(vm.none())
}

fn ba_extend(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, rest) = ba_self(vm, &a, "extend")?;
    let [x] = rest else {
        return Err(vm.type_error(format!("bytearray.extend() takes exactly one argument ({} given)", rest.len())));
    };
    let data = match bytes_like(x) {
        Some(d) => d,
        None => {
            if vm.str_of(x).is_some() {
                return Err(vm.type_error("expected iterable of integers; got: 'str'"));
            }
            let s = x.ty().slots();
            if s.iter.is_none() && s.getitem.is_none() {
                return Err(vm.type_error(format!("can't extend bytearray with {}", x.ty().name())));
            }
            let mut out = Vec::new();
            for item in vm.collect(x)? {
                out.push(byte_value(vm, &item)?);
            }
            out
        }
    };
    ba.with_mut(|v| v.extend_from_slice(&data));
    Ok(vm.none())
}

fn ba_pop(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, rest) = ba_self(vm, &a, "pop")?;
    crate::types::list::arg_count(vm, rest, "pop", 0, 1)?;
    let len = ba.with(<[u8]>::len);
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = match rest.first() {
        Some(i) => ssize(vm, i)?,
        None => -1,
    };
    let Some(i) = crate::types::list::norm_index(i, len) else {
        return Err(vm.index_error("pop index out of range"));
    };
    Ok(vm.new_int(i64::from(ba.with_mut(|v| v.remove(i)))))
}

fn ba_insert(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, rest) = ba_self(vm, &a, "insert")?;
    crate::types::list::arg_count(vm, rest, "insert", 2, 2)?;
    let i = ssize(vm, &rest[0])?;
    let b = byte_value(vm, &rest[1])?;
    let len = ba.with(<[u8]>::len) as isize;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    ba.with_mut(|v| v.insert(i, b));
    Ok(vm.none())
}

fn ba_clear(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, _) = ba_self(vm, &a, "clear")?;
    ba.with_mut(Vec::clear);
    Ok(vm.none())
}

fn ba_reverse(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, _) = ba_self(vm, &a, "reverse")?;
    ba.with_mut(|v| v.reverse());
    Ok(vm.none())
}

fn ba_copy(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, _) = ba_self(vm, &a, "copy")?;
    Ok(new_bytearray(vm, None, ba.to_vec()))
}

fn ba_remove(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, rest) = ba_self(vm, &a, "remove")?;
    let [x] = rest else {
        return Err(vm.type_error(format!("bytearray.remove() takes exactly one argument ({} given)", rest.len())));
    };
    let b = byte_value(vm, x)?;
    let found = ba.with_mut(|v| v.iter().position(|&c| c == b).map(|i| v.remove(i)));
    match found {
        Some(_) => Ok(vm.none()),
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_alloc(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, _) = ba_self(vm, &a, "__alloc__")?;
    let n = ba.with(<[u8]>::len);
    Ok(vm.new_int(if n == 0 { 0 } else { n as i64 + 1 }))
}

fn ba_imul(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, rest) = ba_self(vm, &a, "__imul__")?;
    let [n] = rest else { return Err(vm.type_error("expected 1 argument")) };
    let Some(n) = crate::types::list::repeat_count(vm, n)? else {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", n.ty().name())));
    };
    let data = ba.to_vec();
    let total = data.len().checked_mul(n.max(0) as usize).filter(|t| *t <= crate::types::format::MAX_WIDTH);
    let Some(total) = total else { return Err(crate::types::list::memory_error(vm)) };
    let mut out = Vec::with_capacity(total);
    for _ in 0..n.max(0) {
        out.extend_from_slice(&data);
    }
    ba.with_mut(|v| *v = out);
    Ok(a.args[0].clone())
}

fn ba_iadd(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (ba, rest) = ba_self(vm, &a, "__iadd__")?;
    let [x] = rest else { return Err(vm.type_error("expected 1 argument")) };
    let data = bytes_like(x).ok_or_else(|| vm.type_error(format!("can't concat {} to bytearray", x.ty().name())))?;
    ba.with_mut(|v| v.extend_from_slice(&data));
    Ok(a.args[0].clone())
}

/// Register the methods of `bytes` and `bytearray`.
pub(super) fn init(vm: &Vm) {
    let shared: &[(&'static str, NativeFn)] = &[
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("count", b_count),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("decode", b_decode),
        ("join", b_join),
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("replace", b_replace),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("upper", b_upper),
        ("lower", b_lower),
        ("isalpha", b_isalpha),
        ("isdigit", b_isdigit),
        ("isalnum", b_isalnum),
        ("isspace", b_isspace),
        ("isascii", b_isascii),
        ("isupper", b_isupper),
        ("islower", b_islower),
        ("istitle", b_istitle),
        ("hex", b_hex),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("center", b_center),
        ("zfill", b_zfill),
        ("expandtabs", b_expandtabs),
        ("swapcase", b_swapcase),
        ("capitalize", b_capitalize),
        ("title", b_title),
        ("splitlines", b_splitlines),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("translate", b_translate),
        ("__sizeof__", b_sizeof),
    ];
    for ty in [&vm.types.bytes, &vm.types.bytearray] {
        for (name, f) in shared {
            vm.add_method(ty, name, *f);
        }
        vm.add_classmethod(ty, "fromhex", b_fromhex);
        vm.add_staticmethod(ty, "maketrans", b_maketrans);
    }
    vm.add_method(&vm.types.bytes, "__getnewargs__", b_getnewargs);
    vm.add_method(&vm.types.bytes, "__bytes__", b_bytes);
    let ba: &[(&'static str, NativeFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("pop", ba_pop),
        ("insert", ba_insert),
        ("clear", ba_clear),
        ("reverse", ba_reverse),
        ("copy", ba_copy),
        ("__iadd__", ba_iadd),
        ("__imul__", ba_imul),
        ("__alloc__", ba_alloc),
        ("remove", ba_remove),
    ];
    for (name, f) in ba {
        vm.add_method(&vm.types.bytearray, name, *f);
    }
}
