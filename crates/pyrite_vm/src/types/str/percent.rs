//! `str % args`: printf-style formatting.

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};

use crate::object::PyRef;
use crate::types::float::FloatObj;
use crate::types::format::{float_format_e, float_format_f, float_format_g};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::Layout;
use crate::vm::Vm;
use crate::PyResult;

/// Conversion flags and sizes of one `%` directive.
#[derive(Default)]
struct Directive {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// The argument source of a format operation.
struct Args<'a> {
    items: &'a [PyRef],
    next: usize,
    mapping: Option<&'a PyRef>,
    /// Formatting a bytes object (text is Latin-1 code units).
    bytes: bool,
}

impl Args<'_> {
    fn next(&mut self, vm: &Vm) -> PyResult<PyRef> {
        let v = self.items.get(self.next).cloned();
        self.next += 1;
        v.ok_or_else(|| vm.type_error("not enough arguments for format string"))
    }
}

/// `fmt % args` for a str format.
pub fn percent_format(vm: &Vm, fmt: &str, args: &PyRef) -> PyResult<String> {
    format_impl(vm, fmt.chars(), args, false)
}

/// `fmt % args` for a bytes format.
pub fn percent_format_bytes(vm: &Vm, fmt: &[u8], args: &PyRef) -> PyResult<Vec<u8>> {
    let text = format_impl(vm, fmt.iter().map(|&b| b as char), args, true)?;
    Ok(text.chars().map(|c| c as u32 as u8).collect())
}

fn format_impl(vm: &Vm, fmt: impl Iterator<Item = char>, args: &PyRef, bytes: bool) -> PyResult<String> {
    let single = std::slice::from_ref(args);
    let (items, mapping) = match args.downcast::<TupleObj>() {
        Some(t) => (t.items(), None),
        None => {
            let text_like = args.downcast::<super::StrObj>().is_some()
                || crate::types::bytes::bytes_like(args).is_some();
            let is_map = args.ty().slots().getitem.is_some() && !text_like;
            (single, is_map.then_some(args))
        }
    };
    let mut a = Args { items, next: 0, mapping, bytes };
    let chars: Vec<char> = fmt.collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        directive(vm, &chars, &mut i, &mut a, &mut out)?;
    }
    if a.mapping.is_none() && a.next < a.items.len() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(out)
}

fn incomplete(vm: &Vm) -> crate::PyErr {
    vm.value_error("incomplete format")
}

/// A `*` width/precision argument.
fn star_arg(vm: &Vm, a: &mut Args<'_>) -> PyResult<i64> {
    let v = a.next(vm)?;
    if v.ty().layout != Layout::Int {
        return Err(vm.type_error("* wants int"));
    }
    vm.small_int_of(&v).ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn read_num(chars: &[char], i: &mut usize) -> usize {
    let mut n: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n.saturating_mul(10).saturating_add(d as usize);
        *i += 1;
    }
    n
}

/// Parse and expand one directive; `i` points after the `%`.
fn directive(vm: &Vm, chars: &[char], i: &mut usize, a: &mut Args<'_>, out: &mut String) -> PyResult<()> {
    let mut keyed: Option<PyRef> = None;
    if chars.get(*i) == Some(&'(') {
        let Some(map) = a.mapping else { return Err(vm.type_error("format requires a mapping")) };
        let start = *i + 1;
        let mut depth = 1;
        let mut j = start;
        while j < chars.len() && depth > 0 {
            match chars[j] {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        if depth > 0 {
            return Err(vm.value_error("incomplete format key"));
        }
        let key: String = chars[start..j - 1].iter().collect();
        let key = if a.bytes { vm.new_bytes(key.chars().map(|c| c as u32 as u8).collect()) } else { vm.new_string(key) };
        keyed = Some(vm.get_item(map, &key)?);
        // CPython: after a keyed directive, unkeyed ones have no argument left.
        a.next = a.items.len();
        *i = j;
    }
    let mut d = Directive::default();
    while let Some(&f) = chars.get(*i) {
        match f {
            '-' => d.left = true,
            '+' => d.plus = true,
            ' ' => d.space = true,
            '#' => d.alt = true,
            '0' => d.zero = true,
            _ => break,
        }
        *i += 1;
    }
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        let w = star_arg(vm, a)?;
        if w < 0 {
            d.left = true;
        }
        d.width = w.unsigned_abs() as usize;
    } else {
        d.width = read_num(chars, i);
    }
    if chars.get(*i) == Some(&'.') {
        *i += 1;
        if chars.get(*i) == Some(&'*') {
            *i += 1;
            d.precision = Some(star_arg(vm, a)?.max(0) as usize);
        } else {
            d.precision = Some(read_num(chars, i));
        }
    }
    while matches!(chars.get(*i), Some('h' | 'l' | 'L')) {
        *i += 1;
    }
    if d.width > crate::types::format::MAX_WIDTH || d.precision.is_some_and(|p| p > crate::types::format::MAX_WIDTH) {
        return Err(crate::types::list::memory_error(vm));
    }
    let Some(&ty) = chars.get(*i) else { return Err(incomplete(vm)) };
    let ty_index = *i;
    *i += 1;
    if ty == '%' && keyed.is_none() && chars[ty_index - 1] == '%' {
        out.push('%');
        return Ok(());
    }
    let v = match keyed {
        Some(v) => v,
        None => a.next(vm)?,
    };
    let piece = if a.bytes { convert_bytes(vm, ty, ty_index, &d, &v)? } else { convert(vm, ty, ty_index, &d, &v)? };
    out.push_str(&piece);
    Ok(())
}

/// Expand one conversion of value `v`.
fn convert(vm: &Vm, ty: char, index: usize, d: &Directive, v: &PyRef) -> PyResult<String> {
    match ty {
        's' | 'r' | 'a' => {
            let s = match ty {
                's' => vm.str_string(v)?,
                'r' => vm.repr_string(v)?,
                _ => super::ascii_escape(&vm.repr_string(v)?),
            };
            let s = match d.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            Ok(pad_text(d, &s))
        }
        'c' => Ok(pad_text(d, &char_arg(vm, v)?)),
        '%' => Ok(pad_text(d, "%")),
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            if let Some(n) = vm.small_int_of(v) {
                let m = n.unsigned_abs();
                let digits = match ty {
                    'x' => format!("{m:x}"),
                    'X' => format!("{m:X}"),
                    'o' => format!("{m:o}"),
                    _ => m.to_string(),
                };
                return Ok(format_integer(d, ty, n < 0, digits));
            }
            let n = int_arg(vm, ty, v)?;
            let mag = n.magnitude();
            let mut digits = match ty {
                'x' | 'X' => mag.to_str_radix(16),
                'o' => mag.to_str_radix(8),
                _ => mag.to_string(),
            };
            if ty == 'X' {
                digits.make_ascii_uppercase();
            }
            Ok(format_integer(d, ty, n.is_negative(), digits))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            if d.precision.is_some_and(|p| p > crate::types::format::MAX_PRECISION) {
                return Err(vm.value_error("precision too big"));
            }
            let x = float_arg(vm, v)?;
            Ok(format_real(d, ty, x))
        }
        _ => Err(vm.value_error(format!("unsupported format character '{ty}' ({:#x}) at index {index}", ty as u32))),
    }
}

/// Expand one conversion of a bytes format (text as Latin-1 code units).
fn convert_bytes(vm: &Vm, ty: char, index: usize, d: &Directive, v: &PyRef) -> PyResult<String> {
    let latin1 = |b: &[u8]| b.iter().map(|&c| c as char).collect::<String>();
    match ty {
        's' | 'b' => {
            let data = match crate::types::bytes::bytes_like(v) {
                Some(b) => b,
                None => match vm.call_special(v, "__bytes__", &[])? {
                    Some(r) => crate::types::bytes::bytes_like(&r).unwrap_or_default(),
                    None => {
                        return Err(vm.type_error(format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                            v.ty().name()
                        )))
                    }
                },
            };
            let data = match d.precision {
                Some(p) => &data[..p.min(data.len())],
                None => &data[..],
            };
            Ok(pad_text(d, &latin1(data)))
        }
        'r' | 'a' => convert(vm, 'a', index, d, v),
        'c' => {
            if let Some(b) = crate::types::bytes::bytes_like(v).filter(|b| b.len() == 1) {
                return Ok(pad_text(d, &latin1(&b)));
            }
            let byte = (v.ty().layout == Layout::Int || v.ty().slots().index.is_some())
                .then(|| vm.index_i64(v))
                .transpose()?
                .and_then(|i| u8::try_from(i).ok());
            match byte {
                Some(b) => Ok(pad_text(d, &latin1(&[b]))),
                None if v.ty().layout == Layout::Int => Err(vm.overflow_error("%c arg not in range(256)")),
                None => Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
            }
        }
        _ => convert(vm, ty, index, d, v),
    }
}

/// Pad a non-numeric conversion to the width (spaces; `-` left-justifies).
fn pad_text(d: &Directive, s: &str) -> String {
    let n = s.chars().count();
    if n >= d.width {
        return s.to_string();
    }
    let fill = " ".repeat(d.width - n);
    if d.left {
        format!("{s}{fill}")
    } else {
        format!("{fill}{s}")
    }
}

/// Assemble sign + prefix + digits with width handling.
fn pad_number(d: &Directive, negative: bool, prefix: &str, digits: &str) -> String {
    let sign = if negative {
        "-"
    } else if d.plus {
        "+"
    } else if d.space {
        " "
    } else {
        ""
    };
    let len = sign.len() + prefix.len() + digits.chars().count();
    if len >= d.width {
        return format!("{sign}{prefix}{digits}");
    }
    let n = d.width - len;
    if d.left {
        format!("{sign}{prefix}{digits}{}", " ".repeat(n))
    } else if d.zero {
        format!("{sign}{prefix}{}{digits}", "0".repeat(n))
    } else {
        format!("{}{sign}{prefix}{digits}", " ".repeat(n))
    }
}

/// The `%c` argument: an int code point or a one-char str.
fn char_arg(vm: &Vm, v: &PyRef) -> PyResult<String> {
    if let Some(s) = vm.str_of(v) {
        if s.chars().count() == 1 {
            return Ok(s.to_string());
        }
        return Err(vm.type_error("%c requires int or char"));
    }
    if v.ty().layout != Layout::Int && v.ty().slots().index.is_none() {
        return Err(vm.type_error("%c requires int or char"));
    }
    let i = vm.index(v)?;
    let cp = vm.small_int_of(&i).and_then(|c| u32::try_from(c).ok()).filter(|c| *c < 0x110000);
    match cp {
        Some(c) => Ok(char::from_u32(c).map_or_else(|| crate::types::format::lone_surrogate_stand_in(c), String::from)),
        None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
    }
}

/// The integer argument of `%d`/`%x`/`%o`.
fn int_arg(vm: &Vm, ty: char, v: &PyRef) -> PyResult<BigInt> {
    if let Some(n) = crate::types::slice::to_bigint(v) {
        return Ok(n);
    }
    let decimal = matches!(ty, 'd' | 'i' | 'u');
    if decimal {
        if let Some(f) = v.downcast::<FloatObj>() {
            return float_to_int(vm, f.value);
        }
        if let Some(f) = v.ty().slots().int {
            let r = f(vm, v)?;
            return crate::types::slice::to_bigint(&r).ok_or_else(|| vm.type_error("__int__ returned non-int"));
        }
    }
    if v.ty().slots().index.is_some() {
        let r = vm.index(v)?;
        return crate::types::slice::to_bigint(&r).ok_or_else(|| vm.type_error("__index__ returned non-int"));
    }
    let what = if decimal { "a real number" } else { "an integer" };
    Err(vm.type_error(format!("%{ty} format: {what} is required, not {}", v.ty().name())))
}

/// `int(x)` of a float, with CPython's errors for inf and nan.
pub(crate) fn float_to_int(vm: &Vm, x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    BigInt::from_f64(x.trunc()).ok_or_else(|| vm.overflow_error("cannot convert float infinity to integer"))
}

/// The real argument of `%f`/`%e`/`%g`.
fn float_arg(vm: &Vm, v: &PyRef) -> PyResult<f64> {
    if let Some(f) = v.downcast::<FloatObj>() {
        return Ok(f.value);
    }
    if let Some(n) = crate::types::slice::to_bigint(v) {
        return n.to_f64().filter(|f| f.is_finite()).ok_or_else(|| vm.overflow_error("int too large to convert to float"));
    }
    if let Some(f) = v.ty().slots().float {
        let r = f(vm, v)?;
        if let Some(x) = r.downcast::<FloatObj>() {
            return Ok(x.value);
        }
    }
    if v.ty().slots().index.is_some() {
        let r = vm.index(v)?;
        return float_arg(vm, &r);
    }
    Err(vm.type_error(format!("must be real number, not {}", v.ty().name())))
}

/// Lay out an integer conversion from its sign and magnitude digits.
fn format_integer(d: &Directive, ty: char, negative: bool, mut digits: String) -> String {
    if let Some(p) = d.precision {
        if digits.len() < p {
            digits = format!("{}{digits}", "0".repeat(p - digits.len()));
        }
    }
    let prefix = match (d.alt, ty) {
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        (true, 'o') => "0o",
        _ => "",
    };
    pad_number(d, negative, prefix, &digits)
}

fn format_real(d: &Directive, ty: char, x: f64) -> String {
    let p = d.precision.unwrap_or(6);
    let a = x.abs();
    let mut body = match ty {
        'e' | 'E' => float_format_e(a, p, d.alt),
        'f' | 'F' => float_format_f(a, p, d.alt),
        _ => float_format_g(a, p.max(1), d.alt, false),
    };
    if ty.is_ascii_uppercase() {
        body.make_ascii_uppercase();
    }
    let negative = x.is_sign_negative() && !x.is_nan();
    pad_number(d, negative, "", &body)
}
