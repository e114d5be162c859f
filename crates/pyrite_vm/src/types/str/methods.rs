//! The methods of `str`.

use crate::object::PyRef;
use crate::types::list::ListObj;
use crate::types::slice::slice_index;
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{FuncArgs, NativeFn};
use crate::vm::Vm;
use crate::PyResult;

use super::args::{bind_from, clinic, noargs, onearg, opt_str, self_of, ssize, varargs};
use super::unicode as uc;
use super::StrObj;

fn s_noargs<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<&'a StrObj> {
    noargs::<StrObj>(vm, a, "str", name)
}

/// A required str argument (`must be str, not int`).
fn str_arg<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a str> {
    vm.str_of(o).ok_or_else(|| vm.type_error(format!("must be str, not {}", o.ty().name())))
}

/// A str argument of a clinic method (`replace() argument 1 must be str, not int`).
fn clinic_str<'a>(vm: &Vm, o: &'a PyRef, fname: &str, pos: usize) -> PyResult<&'a str> {
    opt_str(vm, Some(o), fname, "", pos).map(|s| s.unwrap_or_default())
}

// ----- sub-range arguments -----

/// Resolve optional `start`/`end` code point bounds against `s`; `None` when
/// `start` is past the end (no match possible). Returns byte offsets.
fn sub_range(vm: &Vm, s: &StrObj, start: Option<&PyRef>, end: Option<&PyRef>) -> PyResult<Option<(usize, usize)>> {
    if start.is_none() && end.is_none() {
        return Ok(Some((0, s.value.len())));
    }
    match adjust_range(vm, s.char_len, start, end)? {
        Some((a, b)) => Ok(Some((s.byte_offset(a), s.byte_offset(b)))),
        None => Ok(None),
    }
}

/// CPython's `ADJUST_INDICES` for optional `start`/`end` arguments over a
/// sequence of `len` items: `None` when the range is empty and starts past
/// the end or ends before it starts (nothing, not even `''`, can match).
pub(crate) fn adjust_range(vm: &Vm, len: usize, start: Option<&PyRef>, end: Option<&PyRef>) -> PyResult<Option<(usize, usize)>> {
    let len = len as isize;
    let raw = |o: Option<&PyRef>, default: isize| -> PyResult<isize> {
        match o {
            Some(o) => Ok(slice_index(vm, o)?.unwrap_or(default)),
            None => Ok(default),
        }
    };
    let (a, b) = (raw(start, 0)?, raw(end, len)?);
    let b = if b > len { len } else if b < 0 { (b + len).max(0) } else { b };
    let a = if a < 0 { (a + len).max(0) } else { a };
    if a > len || b < a {
        return Ok(None);
    }
    Ok(Some((a as usize, b as usize)))
}

/// `find`/`rfind`/`index`/`rindex`: the code point index of `sub`, if found.
fn find_impl(vm: &Vm, a: &FuncArgs<'_>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let (s, rest) = varargs::<StrObj>(vm, a, "str", name, 1, 3)?;
    let sub = str_arg(vm, &rest[0])?;
    let Some((lo, hi)) = sub_range(vm, s, rest.get(1), rest.get(2))? else { return Ok(None) };
    let hay = &s.as_str()[lo..hi];
    let found = if reverse { hay.rfind(sub) } else { hay.find(sub) };
    Ok(found.map(|b| s.char_index(lo + b)))
}

fn found_int(vm: &Vm, r: Option<usize>) -> PyRef {
    vm.new_int(r.map_or(-1, |i| i as i64))
}

fn str_find(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(found_int(vm, find_impl(vm, &a, "find", false)?))
}
fn str_rfind(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    Ok(found_int(vm, find_impl(vm, &a, "rfind", true)?))
}
fn str_index(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    find_impl(vm, &a, "index", false)?.map(|i| vm.new_int(i as i64)).ok_or_else(|| vm.value_error("substring not found"))
}
fn str_rindex(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    find_impl(vm, &a, "rindex", true)?.map(|i| vm.new_int(i as i64)).ok_or_else(|| vm.value_error("substring not found"))
}

fn str_count(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, rest) = varargs::<StrObj>(vm, &a, "str", "count", 1, 3)?;
    let sub = str_arg(vm, &rest[0])?;
    let Some((lo, hi)) = sub_range(vm, s, rest.get(1), rest.get(2))? else { return Ok(vm.new_int(0)) };
    let hay = &s.as_str()[lo..hi];
    let n = if sub.is_empty() { hay.chars().count() + 1 } else { hay.matches(sub).count() };
    Ok(vm.new_int(n as i64))
}

/// `startswith`/`endswith`.
fn affix_impl(vm: &Vm, a: &FuncArgs<'_>, name: &str, end: bool) -> PyResult {
    let (s, rest) = varargs::<StrObj>(vm, a, "str", name, 1, 3)?;
    let Some((lo, hi)) = sub_range(vm, s, rest.get(1), rest.get(2))? else { return Ok(vm.new_bool(false)) };
    let hay = &s.as_str()[lo..hi];
    let test = |p: &str| if end { hay.ends_with(p) } else { hay.starts_with(p) };
    if let Some(t) = rest[0].downcast::<TupleObj>() {
        for item in t.items() {
            let Some(p) = vm.str_of(item) else {
                return Err(vm.type_error(format!("tuple for {name} must only contain str, not {}", item.ty().name())));
            };
            if test(p) {
                return Ok(vm.new_bool(true));
            }
        }
        return Ok(vm.new_bool(false));
    }
    match vm.str_of(&rest[0]) {
        Some(p) => Ok(vm.new_bool(test(p))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            rest[0].ty().name()
        ))),
    }
}

fn str_startswith(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    affix_impl(vm, &a, "startswith", false)
}
fn str_endswith(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    affix_impl(vm, &a, "endswith", true)
}

// ----- splitting and joining -----

fn str_list(vm: &Vm, parts: impl IntoIterator<Item = String>) -> PyRef {
    vm.new_list(parts.into_iter().map(|p| vm.new_string(p)).collect())
}

/// Split on runs of whitespace, at most `max` times (`None`: unlimited).
fn split_whitespace(s: &str, max: Option<usize>) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(uc::py_isspace);
    while !rest.is_empty() {
        if max.is_some_and(|m| out.len() >= m) {
            out.push(rest.to_string());
            break;
        }
        let end = rest.find(uc::py_isspace).unwrap_or(rest.len());
        out.push(rest[..end].to_string());
        rest = rest[end..].trim_start_matches(uc::py_isspace);
    }
    out
}

/// Split on runs of whitespace from the right.
fn rsplit_whitespace(s: &str, max: Option<usize>) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(uc::py_isspace);
    while !rest.is_empty() {
        if max.is_some_and(|m| out.len() >= m) {
            out.push(rest.to_string());
            break;
        }
        let start = rest.rfind(uc::py_isspace).map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
        out.push(rest[start..].to_string());
        rest = rest[..start].trim_end_matches(uc::py_isspace);
    }
    out.reverse();
    out
}

fn split_args<'a>(vm: &Vm, a: &FuncArgs<'a>, name: &str) -> PyResult<(&'a StrObj, Option<&'a str>, Option<usize>)> {
    let (s, _) = self_of::<StrObj>(vm, a, "str", name)?;
    let [sep, maxsplit] = bind_from(vm, a, 1, name, &["sep", "maxsplit"], 0)?;
    let sep = match sep {
        Some(o) if !vm.is_none(o) => Some(
            vm.str_of(o).ok_or_else(|| vm.type_error(format!("must be str or None, not {}", o.ty().name())))?,
        ),
        _ => None,
    };
    if sep == Some("") {
        return Err(vm.value_error("empty separator"));
    }
    let max = match maxsplit {
        Some(m) => usize::try_from(ssize(vm, m)?).ok(),
        None => None,
    };
    Ok((s, sep, max))
}

fn str_split(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, sep, max) = split_args(vm, &a, "split")?;
    let parts: Vec<String> = match sep {
        None => split_whitespace(s.as_str(), max),
        Some(sep) => s.as_str().splitn(max.map_or(usize::MAX, |m| m.saturating_add(1)), sep).map(str::to_string).collect(),
    };
    Ok(str_list(vm, parts))
}

fn str_rsplit(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, sep, max) = split_args(vm, &a, "rsplit")?;
    let parts: Vec<String> = match sep {
        None => rsplit_whitespace(s.as_str(), max),
        Some(sep) => {
            let mut v: Vec<String> =
                s.as_str().rsplitn(max.map_or(usize::MAX, |m| m.saturating_add(1)), sep).map(str::to_string).collect();
            v.reverse();
            v
        }
    };
    Ok(str_list(vm, parts))
}

fn str_splitlines(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, _) = self_of::<StrObj>(vm, &a, "str", "splitlines")?;
    let [keep] = bind_from(vm, &a, 1, "splitlines", &["keepends"], 0)?;
    let keep = match keep {
        Some(k) => vm.index_i64(k)? != 0,
        None => false,
    };
    let text = s.as_str();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !uc::is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            it.next();
            end += 1;
        }
        parts.push(text[start..if keep { end } else { i }].to_string());
        start = end;
    }
    if start < text.len() {
        parts.push(text[start..].to_string());
    }
    Ok(str_list(vm, parts))
}

fn partition_impl(vm: &Vm, a: &FuncArgs<'_>, name: &str, reverse: bool) -> PyResult {
    let (s, x) = onearg::<StrObj>(vm, a, "str", name)?;
    let sep = str_arg(vm, x)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if reverse { text.rfind(sep) } else { text.find(sep) };
    let parts = match found {
        Some(i) => [&text[..i], sep, &text[i + sep.len()..]],
        None if reverse => ["", "", text],
        None => [text, "", ""],
    };
    Ok(vm.new_tuple(parts.iter().map(|p| vm.new_str(p)).collect()))
}

fn str_partition(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    partition_impl(vm, &a, "partition", false)
}
fn str_rpartition(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    partition_impl(vm, &a, "rpartition", true)
}

fn str_join(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, it) = onearg::<StrObj>(vm, &a, "str", "join")?;
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
    if let [one] = &items[..] {
        if std::ptr::eq(one.ty(), &*vm.types.str) {
            return Ok(one.clone());
        }
    }
    let sep = s.as_str();
    let mut parts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Some(t) = vm.str_of(item) else {
            return Err(vm.type_error(format!("sequence item {i}: expected str instance, {} found", item.ty().name())));
        };
        parts.push(t);
    }
    Ok(vm.new_string(parts.join(sep)))
}

// ----- stripping, padding -----

fn strip_impl(vm: &Vm, a: &FuncArgs<'_>, name: &str, left: bool, right: bool) -> PyResult {
    let (s, rest) = clinic::<StrObj>(vm, a, "str", name, 0, 1)?;
    let chars: Option<Vec<char>> = match rest.first() {
        Some(o) if !vm.is_none(o) => match vm.str_of(o) {
            Some(c) => Some(c.chars().collect()),
            None => return Err(vm.type_error(format!("{name} arg must be None or str"))),
        },
        _ => None,
    };
    let pred = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => uc::py_isspace(c),
    };
    let mut t = s.as_str();
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    Ok(vm.new_str(t))
}

fn str_strip(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    strip_impl(vm, &a, "strip", true, true)
}
fn str_lstrip(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    strip_impl(vm, &a, "lstrip", true, false)
}
fn str_rstrip(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    strip_impl(vm, &a, "rstrip", false, true)
}

/// `center`/`ljust`/`rjust`: 0 left-justify, 1 right-justify, 2 center.
fn justify(vm: &Vm, a: &FuncArgs<'_>, name: &str, how: u8) -> PyResult {
    let (s, rest) = clinic::<StrObj>(vm, a, "str", name, 1, 2)?;
    let width = ssize(vm, &rest[0])?;
    let fill = match rest.get(1) {
        Some(f) => {
            let t = clinic_str(vm, f, name, 2)?;
            let mut cs = t.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => return Err(vm.type_error("The fill character must be exactly one character long")),
            }
        }
        None => ' ',
    };
    let len = s.char_len as isize;
    if width <= len {
        return Ok(vm.new_str(s.as_str()));
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
    let mut out = String::with_capacity(s.value.len() + marg);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, marg - left));
    Ok(vm.new_string(out))
}

fn str_ljust(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    justify(vm, &a, "ljust", 0)
}
fn str_rjust(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    justify(vm, &a, "rjust", 1)
}
fn str_center(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    justify(vm, &a, "center", 2)
}

fn str_zfill(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, w) = onearg::<StrObj>(vm, &a, "str", "zfill")?;
    let width = ssize(vm, w)?;
    let len = s.char_len as isize;
    if width <= len {
        return Ok(vm.new_str(s.as_str()));
    }
    if (width - len) as usize > crate::types::format::MAX_WIDTH {
        return Err(crate::types::list::memory_error(vm));
    }
    let zeros = "0".repeat((width - len) as usize);
    let t = s.as_str();
    let out = match t.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &t[1..]),
        _ => format!("{zeros}{t}"),
    };
    Ok(vm.new_string(out))
}

fn str_expandtabs(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, _) = self_of::<StrObj>(vm, &a, "str", "expandtabs")?;
    let [ts] = bind_from(vm, &a, 1, "expandtabs", &["tabsize"], 0)?;
    let tab = match ts {
        Some(t) => ssize(vm, t)?,
        None => 8,
    };
    let tab = i32::try_from(tab).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))? as isize;
    let mut out = String::new();
    let mut col = 0usize;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    out.extend(std::iter::repeat_n(' ', n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_string(out))
}

// ----- case -----

fn str_upper(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = s_noargs(vm, &a, "upper")?;
    if s.is_ascii() {
        return Ok(vm.new_string(s.as_str().to_ascii_uppercase()));
    }
    let mut out = String::with_capacity(s.value.len());
    s.as_str().chars().for_each(|c| uc::push_upper(c, &mut out));
    Ok(vm.new_string(out))
}
fn str_lower(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = s_noargs(vm, &a, "lower")?;
    if s.is_ascii() {
        return Ok(vm.new_string(s.as_str().to_ascii_lowercase()));
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.value.len());
    (0..chars.len()).for_each(|i| uc::lower_at(&chars, i, &mut out));
    Ok(vm.new_string(out))
}
fn str_casefold(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = s_noargs(vm, &a, "casefold")?;
    let mut out = String::with_capacity(s.value.len());
    s.as_str().chars().for_each(|c| uc::casefold(c, &mut out));
    Ok(vm.new_string(out))
}
fn str_swapcase(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = s_noargs(vm, &a, "swapcase")?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.value.len());
    for (i, &c) in chars.iter().enumerate() {
        if uc::is_upper(c) {
            uc::lower_at(&chars, i, &mut out);
        } else if uc::is_lower(c) {
            uc::push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Ok(vm.new_string(out))
}
fn str_title(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = s_noargs(vm, &a, "title")?;
    if s.is_ascii() {
        let mut prev_cased = false;
        let out: String = s
            .as_str()
            .chars()
            .map(|c| {
                let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect();
        return Ok(vm.new_string(out));
    }
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.value.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            uc::lower_at(&chars, i, &mut out);
        } else {
            uc::to_title(c, &mut out);
        }
        prev_cased = uc::is_cased(c);
    }
    Ok(vm.new_string(out))
}
fn str_capitalize(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = s_noargs(vm, &a, "capitalize")?;
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = String::with_capacity(s.value.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            uc::to_title(c, &mut out);
        } else {
            uc::lower_at(&chars, i, &mut out);
        }
    }
    Ok(vm.new_string(out))
}

// ----- predicates -----

/// A predicate method: false on empty strings unless `empty` says otherwise.
fn predicate(vm: &Vm, a: &FuncArgs<'_>, name: &str, empty: bool, f: fn(&str) -> bool) -> PyResult {
    let s = s_noargs(vm, a, name)?;
    Ok(vm.new_bool(if s.char_len == 0 { empty } else { f(s.as_str()) }))
}

macro_rules! predicates {
    ($($f:ident, $name:literal, $empty:expr, $test:expr;)*) => {$(
        fn $f(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
            predicate(vm, &a, $name, $empty, $test)
        }
    )*};
}

predicates! {
    str_isalpha, "isalpha", false, |s| s.chars().all(uc::is_alpha);
    str_isdigit, "isdigit", false, |s| s.chars().all(uc::is_digit);
    str_isdecimal, "isdecimal", false, |s| s.chars().all(uc::is_decimal);
    str_isnumeric, "isnumeric", false, |s| s.chars().all(uc::is_numeric);
    str_isalnum, "isalnum", false, |s| s.chars().all(uc::is_alnum);
    str_isspace, "isspace", false, |s| s.chars().all(uc::py_isspace);
    str_isascii, "isascii", true, |s| s.is_ascii();
    str_isprintable, "isprintable", true, |s| s.chars().all(uc::is_printable);
    str_isupper, "isupper", false, |s| {
        !s.chars().any(|c| uc::is_lower(c) || uc::is_titlecase(c)) && s.chars().any(uc::is_upper)
    };
    str_islower, "islower", false, |s| {
        !s.chars().any(|c| uc::is_upper(c) || uc::is_titlecase(c)) && s.chars().any(uc::is_lower)
    };
    str_istitle, "istitle", false, istitle;
    str_isidentifier, "isidentifier", false, |s| {
        let mut cs = s.chars();
        cs.next().is_some_and(uc::is_id_start) && cs.all(uc::is_id_continue)
    };
}

fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if uc::is_upper(c) || uc::is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if uc::is_lower(c) {
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

// ----- replace, affixes, encode, translate -----

fn str_replace(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, rest) = clinic::<StrObj>(vm, &a, "str", "replace", 2, 3)?;
    let old = clinic_str(vm, &rest[0], "replace", 1)?;
    let new = clinic_str(vm, &rest[1], "replace", 2)?;
    let count = match rest.get(2) {
        Some(c) => ssize(vm, c)?,
        None => -1,
    };
    let n = usize::try_from(count).unwrap_or(usize::MAX);
    Ok(vm.new_string(s.as_str().replacen(old, new, n)))
}

fn str_removeprefix(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, p) = onearg::<StrObj>(vm, &a, "str", "removeprefix")?;
    let p = opt_str(vm, Some(p), "removeprefix", "", 0).map_err(|_| {
        vm.type_error(format!("removeprefix() argument must be str, not {}", p.ty().name()))
    })?;
    let t = s.as_str();
    Ok(vm.new_str(t.strip_prefix(p.unwrap_or_default()).unwrap_or(t)))
}

fn str_removesuffix(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, p) = onearg::<StrObj>(vm, &a, "str", "removesuffix")?;
    let p = opt_str(vm, Some(p), "removesuffix", "", 0).map_err(|_| {
        vm.type_error(format!("removesuffix() argument must be str, not {}", p.ty().name()))
    })?;
    let t = s.as_str();
    Ok(vm.new_str(t.strip_suffix(p.unwrap_or_default()).unwrap_or(t)))
}

fn str_encode(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, _) = self_of::<StrObj>(vm, &a, "str", "encode")?;
    let [enc, err] = bind_from(vm, &a, 1, "encode", &["encoding", "errors"], 0)?;
    let enc = opt_str(vm, enc, "encode", "encoding", 1)?.unwrap_or("utf-8");
    let err = opt_str(vm, err, "encode", "errors", 2)?.unwrap_or("strict");
    let bytes = crate::types::bytes::encode(vm, &a.args[0], s.as_str(), enc, err)?;
    Ok(vm.new_bytes(bytes))
}

/// Add one `maketrans` key (an int or a one-char str) and value.
fn maketrans_put(vm: &Vm, d: &PyRef, k: &PyRef, v: PyRef) -> PyResult<()> {
    let key = if let Some(s) = vm.str_of(k) {
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => vm.new_int(c as i64),
            _ => return Err(vm.value_error("string keys in translate table must be of length 1")),
        }
    } else if k.downcast::<crate::types::int::IntObj>().is_some() {
        k.clone()
    } else {
        return Err(vm.type_error("keys in translate table must be strings or integers"));
    };
    vm.set_item(d, &key, v)
}

fn str_maketrans(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    let pos = a.positional();
    crate::types::list::arg_count(vm, pos, "maketrans", 1, 3)?;
    let d = vm.new_dict();
    if pos.len() == 1 {
        if !vm.is_instance(&pos[0], &vm.types.dict) {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        }
        let items = vm.call_method(&pos[0], "items", &[])?;
        for kv in vm.collect(&items)? {
            let pair = vm.collect(&kv)?;
            if let [k, v] = &pair[..] {
                maketrans_put(vm, &d, k, v.clone())?;
            }
        }
        return Ok(d);
    }
    let x = clinic_str(vm, &pos[0], "maketrans", 1)?;
    let y = clinic_str(vm, &pos[1], "maketrans", 2)?;
    if x.chars().count() != y.chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (cx, cy) in x.chars().zip(y.chars()) {
        vm.set_item(&d, &vm.new_int(cx as i64), vm.new_int(cy as i64))?;
    }
    if let Some(z) = pos.get(2) {
        for cz in clinic_str(vm, z, "maketrans", 3)?.chars() {
            vm.set_item(&d, &vm.new_int(cz as i64), vm.none())?;
        }
    }
    Ok(d)
}

fn str_translate(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let (s, table) = onearg::<StrObj>(vm, &a, "str", "translate")?;
    let mut out = String::with_capacity(s.value.len());
    for c in s.as_str().chars() {
        let v = match vm.get_item(table, &vm.new_int(c as i64)) {
            Ok(v) => v,
            Err(e) if e.0.ty().is_subtype(&vm.exc.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if vm.is_none(&v) {
            continue;
        }
        if let Some(t) = vm.str_of(&v) {
            out.push_str(t);
        } else if let Some(i) = crate::types::slice::to_bigint(&v) {
            let cp = u32::try_from(i).ok().filter(|c| *c < 0x110000);
            let Some(cp) = cp else { return Err(vm.value_error("character mapping must be in range(0x110000)")) };
            out.push_str(&char::from_u32(cp).map_or_else(|| crate::types::format::lone_surrogate_stand_in(cp), String::from));
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(vm.new_string(out))
}

fn str_getnewargs(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = s_noargs(vm, &a, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_str(s.as_str())]))
}

fn str_sizeof(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let s = s_noargs(vm, &a, "__sizeof__")?;
    let size = if s.is_ascii() {
        48 + s.char_len + 1
    } else {
        let per_char = match s.as_str().chars().map(|c| c as u32).max().unwrap_or(0) {
            0..=0xFF => 1,
            0x100..=0xFFFF => 2,
            _ => 4,
        };
        72 + (s.char_len + 1) * per_char
    };
    Ok(vm.new_int(size as i64))
}

/// Register the methods of `str`.
pub(super) fn init(vm: &Vm) {
    let t = &vm.types.str;
    let methods: &[(&'static str, NativeFn)] = &[
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("join", str_join),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("center", str_center),
        ("zfill", str_zfill),
        ("expandtabs", str_expandtabs),
        ("upper", str_upper),
        ("lower", str_lower),
        ("casefold", str_casefold),
        ("swapcase", str_swapcase),
        ("title", str_title),
        ("capitalize", str_capitalize),
        ("isalpha", str_isalpha),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isascii", str_isascii),
        ("isprintable", str_isprintable),
        ("isupper", str_isupper),
        ("islower", str_islower),
        ("istitle", str_istitle),
        ("isidentifier", str_isidentifier),
        ("replace", str_replace),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("encode", str_encode),
        ("translate", str_translate),
        ("__getnewargs__", str_getnewargs),
        ("__sizeof__", str_sizeof),
    ];
    for (name, f) in methods {
        vm.add_method(t, name, *f);
    }
    vm.add_staticmethod(t, "maketrans", str_maketrans);
}
