//! The format-spec mini-language (`format()`, `__format__`, `str.format`),
//! float repr and the float text layouts shared with `%`-formatting.

use num_traits::Signed;

use crate::object::PyRef;
use crate::types::int::{IntObj, IntValue};
use crate::vm::Vm;
use crate::PyResult;

mod strformat;
pub use strformat::{format_obj, str_format, str_format_map};

/// Widths above this cannot be allocated: `MemoryError` (CPython fails the
/// allocation instead).
pub(crate) const MAX_WIDTH: usize = 1 << 32;

/// Largest float precision CPython accepts (`precision too big` beyond).
pub(crate) const MAX_PRECISION: usize = i32::MAX as usize;

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatSpec {
    /// Fill character (default space).
    pub fill: char,
    /// `<`, `>`, `^` or `=`; `None` for the type's default.
    pub align: Option<char>,
    /// `+`, `-` or ` `; `None` when not given.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to zero.
    pub z: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// Minimum width (0 when not given).
    pub width: usize,
    /// `,` or `_` thousands separator.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type (`'\0'` when not given).
    pub ty: char,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// Read a run of decimal digits at `pos` as a number.
fn read_number(vm: &Vm, chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| vm.value_error("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(n))
}

/// Parse a format spec. `default_ty` is the type used for the grouping
/// checks when none is given (`'s'` for str, `'d'` for int, `'\0'` for
/// float); `default_align` is `'<'` for str and `'>'` for numbers.
pub fn parse_spec(vm: &Vm, spec: &str, default_ty: char, default_align: char, tyname: &str) -> PyResult<FormatSpec> {
    let c: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        z: false,
        alt: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: '\0',
    };
    let mut pos = 0;
    let mut fill_given = false;
    if c.len() >= 2 && is_align(c[1]) {
        f.fill = c[0];
        f.align = Some(c[1]);
        fill_given = true;
        pos = 2;
    } else if c.first().is_some_and(|&a| is_align(a)) {
        f.align = Some(c[0]);
        pos = 1;
    }
    if let Some(&s @ ('+' | '-' | ' ')) = c.get(pos) {
        f.sign = Some(s);
        pos += 1;
    }
    if c.get(pos) == Some(&'z') {
        f.z = true;
        pos += 1;
    }
    if c.get(pos) == Some(&'#') {
        f.alt = true;
        pos += 1;
    }
    if !fill_given && c.get(pos) == Some(&'0') {
        f.fill = '0';
        if f.align.is_none() && default_align == '>' {
            f.align = Some('=');
        }
        pos += 1;
    }
    f.width = read_number(vm, &c, &mut pos)?.unwrap_or(0);
    if let Some(&g @ (',' | '_')) = c.get(pos) {
        f.grouping = Some(g);
        pos += 1;
        if let Some(&g2 @ (',' | '_')) = c.get(pos) {
            return Err(vm.value_error(if g2 == g {
                format!("Cannot specify '{g}' with '{g}'.")
            } else {
                "Cannot specify both ',' and '_'.".to_string()
            }));
        }
    }
    if c.get(pos) == Some(&'.') {
        pos += 1;
        match read_number(vm, &c, &mut pos)? {
            Some(p) => f.precision = Some(p),
            None => return Err(vm.value_error("Format specifier missing precision")),
        }
    }
    if c.len() - pos > 1 {
        return Err(vm.value_error(format!("Invalid format specifier '{spec}' for object of type '{tyname}'")));
    }
    if let Some(&t) = c.get(pos) {
        f.ty = t;
    }
    if f.width > MAX_WIDTH {
        return Err(crate::types::list::memory_error(vm));
    }
    if let Some(g) = f.grouping {
        let t = if f.ty == '\0' { default_ty } else { f.ty };
        let ok = matches!(t, '\0' | 'd' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')
            || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'));
        if !ok {
            return Err(vm.value_error(format!("Cannot specify '{g}' with '{t}'.")));
        }
    }
    Ok(f)
}

/// Pad `body` (already containing sign and prefix) to the spec's width.
/// `sign_len` is the number of leading chars that `=` alignment keeps in front.
fn pad(spec: &FormatSpec, body: &str, sign_len: usize, default_align: char) -> String {
    let n = body.chars().count();
    if n >= spec.width {
        return body.to_string();
    }
    let total = spec.width - n;
    let fill = |k: usize| std::iter::repeat_n(spec.fill, k).collect::<String>();
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{body}{}", fill(total)),
        '^' => format!("{}{body}{}", fill(total / 2), fill(total - total / 2)),
        '=' => {
            let split = body.char_indices().nth(sign_len).map_or(body.len(), |(i, _)| i);
            format!("{}{}{}", &body[..split], fill(total), &body[split..])
        }
        _ => format!("{}{body}", fill(total)),
    }
}

/// Format a str with a spec (`str.__format__`).
pub fn format_str(vm: &Vm, s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = parse_spec(vm, spec, 's', '<', "str")?;
    if f.ty != 's' && f.ty != '\0' {
        return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'str'", f.ty)));
    }
    match f.sign {
        Some(' ') => return Err(vm.value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(vm.value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if f.z {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alt {
        return Err(vm.value_error("Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == Some('=') {
        return Err(vm.value_error("'=' alignment not allowed in string format specifier"));
    }
    let body = match f.precision {
        Some(p) => s.chars().take(p).collect::<String>(),
        None => s.to_string(),
    };
    Ok(pad(&f, &body, 0, '<'))
}

/// Insert the grouping separator `sep` every `every` digits of `digits`,
/// zero-extending to at least `min_len` chars (sign-aware zero padding).
fn group_digits(digits: &str, sep: char, every: usize, min_len: usize) -> String {
    let mut out: Vec<char> = Vec::with_capacity(digits.len() * 2);
    let mut count = 0;
    let mut src = digits.chars().rev();
    let mut remaining = digits.len();
    let mut last_sep = false;
    loop {
        if remaining == 0 && out.len() >= min_len {
            break;
        }
        if count == every {
            out.push(sep);
            count = 0;
            last_sep = true;
            continue;
        }
        out.push(if remaining > 0 {
            remaining -= 1;
            src.next().unwrap_or('0')
        } else {
            '0'
        });
        count += 1;
        last_sep = false;
    }
    if last_sep {
        out.push('0');
    }
    out.iter().rev().collect()
}

/// Assemble a number: sign, prefix, integer digits (grouped), the rest
/// (fraction, exponent, `%`), padded per the spec.
fn finish_number(spec: &FormatSpec, negative: bool, prefix: &str, int_digits: &str, rest: &str, every: usize) -> String {
    let sign = match (negative, spec.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    let lead = sign.len() + prefix.len();
    let digits = match spec.grouping {
        Some(g) if !int_digits.is_empty() => {
            let zero_pad = spec.fill == '0' && spec.align == Some('=');
            let min = if zero_pad { spec.width.saturating_sub(lead + rest.chars().count()) } else { 0 };
            group_digits(int_digits, g, every, min)
        }
        _ => int_digits.to_string(),
    };
    let body = format!("{sign}{prefix}{digits}{rest}");
    pad(spec, &body, lead, '>')
}

/// The magnitude of an int in `radix` (lowercase) and whether it is negative.
fn int_magnitude(v: &IntValue, radix: u32) -> (bool, String) {
    match v {
        IntValue::Small(i) => {
            let m = i.unsigned_abs();
            let s = match radix {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                16 => format!("{m:x}"),
                _ => m.to_string(),
            };
            (*i < 0, s)
        }
        IntValue::Big(b) => (b.is_negative(), b.magnitude().to_str_radix(radix)),
    }
}

/// An int's value as f64 (OverflowError when too large).
fn int_to_f64(vm: &Vm, v: &IntValue) -> PyResult<f64> {
    match v {
        IntValue::Small(i) => Ok(*i as f64),
        IntValue::Big(b) => {
            let f = num_traits::ToPrimitive::to_f64(&**b).unwrap_or(f64::INFINITY);
            if f.is_finite() {
                Ok(f)
            } else {
                Err(vm.overflow_error("int too large to convert to float"))
            }
        }
    }
}

/// `int.__format__(spec)` of int (or bool) object `o`.
pub fn format_int(vm: &Vm, o: &PyRef, spec: &str) -> PyResult<String> {
    let Some(i) = o.downcast::<IntObj>() else { return Err(vm.type_error("descriptor '__format__' requires a 'int' object")) };
    let tyname = o.ty().name();
    if spec.is_empty() {
        if !std::ptr::eq(o.ty(), &*vm.types.int) {
            return vm.str_string(o);
        }
        let (neg, m) = int_magnitude(&i.value, 10);
        return Ok(if neg { format!("-{m}") } else { m });
    }
    let f = parse_spec(vm, spec, 'd', '>', tyname)?;
    match f.ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float_spec(vm, int_to_f64(vm, &i.value)?, &f),
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' | '\0' => {}
        t => return Err(vm.value_error(format!("Unknown format code '{t}' for object of type '{tyname}'"))),
    }
    if f.precision.is_some() {
        return Err(vm.value_error("Precision not allowed in integer format specifier"));
    }
    if f.z {
        return Err(vm.value_error("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if f.ty == 'c' {
        return format_int_char(vm, i, &f);
    }
    let (radix, prefix, every) = match f.ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let (neg, mut digits) = int_magnitude(&i.value, radix);
    if f.ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if f.alt { prefix } else { "" };
    Ok(finish_number(&f, neg, prefix, &digits, "", every))
}

/// The `c` presentation of an int.
fn format_int_char(vm: &Vm, i: &IntObj, f: &FormatSpec) -> PyResult<String> {
    if f.sign.is_some() {
        return Err(vm.value_error("Sign not allowed with integer format specifier 'c'"));
    }
    if f.alt {
        return Err(vm.value_error("Alternate form (#) not allowed with integer format specifier 'c'"));
    }
    let ch = match i.value {
        IntValue::Small(v) => u32::try_from(v).ok().filter(|v| *v < 0x110000),
        IntValue::Big(_) => return Err(vm.overflow_error("Python int too large to convert to C long")),
    };
    let Some(ch) = ch else { return Err(vm.overflow_error("%c arg not in range(0x110000)")) };
    let s = char::from_u32(ch).map_or_else(|| lone_surrogate_stand_in(ch), String::from);
    Ok(pad(f, &s, 0, '>'))
}

/// Text for a code point Rust strings cannot hold (a lone surrogate).
pub(crate) fn lone_surrogate_stand_in(_cp: u32) -> String {
    char::REPLACEMENT_CHARACTER.to_string()
}

/// `float.__format__(spec)`.
pub fn format_float(vm: &Vm, v: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(v));
    }
    let f = parse_spec(vm, spec, '\0', '>', "float")?;
    format_float_spec(vm, v, &f)
}

fn format_float_spec(vm: &Vm, v: f64, f: &FormatSpec) -> PyResult<String> {
    if f.precision.is_some_and(|p| p > MAX_PRECISION) {
        return Err(vm.value_error("precision too big"));
    }
    let upper = matches!(f.ty, 'E' | 'F' | 'G');
    let body = match f.ty {
        '\0' => match f.precision {
            None if f.alt => alt_point(&float_repr(v.abs())),
            None => float_repr(v.abs()),
            Some(p) => float_format_g(v.abs(), p.max(1), f.alt, true),
        },
        'e' | 'E' => float_format_e(v.abs(), f.precision.unwrap_or(6), f.alt),
        'f' | 'F' => float_format_f(v.abs(), f.precision.unwrap_or(6), f.alt),
        'g' | 'G' | 'n' => float_format_g(v.abs(), f.precision.unwrap_or(6).max(1), f.alt, false),
        '%' => {
            let s = float_format_f(v.abs() * 100.0, f.precision.unwrap_or(6), f.alt);
            format!("{s}%")
        }
        t => return Err(vm.value_error(format!("Unknown format code '{t}' for object of type 'float'"))),
    };
    let body = if upper { body.to_ascii_uppercase() } else { body };
    let mut neg = v.is_sign_negative() && !v.is_nan();
    if neg && f.z && v.is_finite() && body.bytes().all(|b| !b.is_ascii_digit() || b == b'0') {
        neg = false;
    }
    let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let (int_part, rest) = if v.is_finite() { body.split_at(split) } else { ("", body.as_str()) };
    Ok(finish_number(f, neg, "", int_part, rest, 3))
}

/// The alternate form of a repr: always a decimal point in the mantissa.
fn alt_point(s: &str) -> String {
    if s.contains('.') || !s.bytes().any(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    match s.find('e') {
        Some(i) => format!("{}.{}", &s[..i], &s[i..]),
        None => format!("{s}."),
    }
}

/// Shortest round-trip digits of a finite nonzero `v`: (digits, exponent)
/// with `v = d.ddd × 10^exponent`.
fn shortest_digits(v: f64) -> (String, i32) {
    let v = v.abs();
    let (d, exp) = split_exp(&format!("{:e}", v));
    // Among the shortest round-tripping strings, CPython picks the one
    // nearest the exact value (ties to even): the correctly rounded
    // string of that length, whenever it round-trips.
    let nearest = format!("{:.*e}", d.len() - 1, v);
    if nearest.parse::<f64>() == Ok(v) {
        return split_exp(&nearest);
    }
    (d, exp)
}

/// Split Rust's `{:e}` output into (mantissa digits without the point, exponent).
fn split_exp(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    (mant.replace('.', ""), exp.parse().unwrap_or(0))
}

/// Lay out digits `d` with decimal exponent `exp` in positional notation.
fn layout_fixed(d: &str, exp: i32) -> String {
    let decpt = exp + 1;
    let n = d.len() as i32;
    if decpt <= 0 {
        format!("0.{}{d}", "0".repeat((-decpt) as usize))
    } else if decpt >= n {
        format!("{d}{}.0", "0".repeat((decpt - n) as usize))
    } else {
        let (a, b) = d.split_at(decpt as usize);
        format!("{a}.{b}")
    }
}

/// Exponent suffix `e+05`.
fn exp_suffix(exp: i32) -> String {
    format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs())
}

/// `repr(float)`, exactly as CPython: shortest round-trip digits, exponent
/// notation when the exponent is < -4 or >= 16.
pub fn float_repr(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v == 0.0 {
        return format!("{sign}0.0");
    }
    let (d, exp) = shortest_digits(v);
    if (-4..16).contains(&exp) {
        format!("{sign}{}", layout_fixed(&d, exp))
    } else {
        let (a, b) = d.split_at(1);
        let frac = if b.is_empty() { String::new() } else { format!(".{b}") };
        format!("{sign}{a}{frac}{}", exp_suffix(exp))
    }
}

/// Text for inf/nan of a non-negative-or-nan value, if not finite.
fn non_finite(v: f64) -> Option<String> {
    if v.is_nan() {
        Some("nan".into())
    } else if v.is_infinite() {
        Some("inf".into())
    } else {
        None
    }
}

/// Digits past which every digit of a double's exact decimal expansion is
/// zero: its fraction has at most 1074 binary (so decimal) places, and at
/// most 767 significant digits. Rust's formatter takes precisions only up
/// to 65,535; beyond this many, the zeros are appended here.
const EXACT_DIGITS: usize = 1100;

/// `{:.prec}` of a finite value, for any precision.
fn fixed_digits(v: f64, prec: usize) -> String {
    if prec <= EXACT_DIGITS {
        return format!("{:.*}", prec, v);
    }
    let mut s = format!("{:.*}", EXACT_DIGITS, v);
    s.extend(std::iter::repeat_n('0', prec - EXACT_DIGITS));
    s
}

/// `{:.prec e}` of a finite value, for any precision.
fn sci_digits(v: f64, prec: usize) -> String {
    if prec <= EXACT_DIGITS {
        return format!("{:.*e}", prec, v);
    }
    let s = format!("{:.*e}", EXACT_DIGITS, v);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    format!("{m}{}e{e}", "0".repeat(prec - EXACT_DIGITS))
}

/// `%.{prec}f` of a non-negative value (no sign handling).
pub fn float_format_f(v: f64, prec: usize, alt: bool) -> String {
    if let Some(s) = non_finite(v) {
        return s;
    }
    let s = fixed_digits(v, prec);
    if alt && prec == 0 {
        format!("{s}.")
    } else {
        s
    }
}

/// `%.{prec}e` of a non-negative value.
pub fn float_format_e(v: f64, prec: usize, alt: bool) -> String {
    if let Some(s) = non_finite(v) {
        return s;
    }
    let (d, exp) = split_exp(&sci_digits(v, prec));
    let (a, b) = d.split_at(1.min(d.len()));
    let dot = if !b.is_empty() || alt { "." } else { "" };
    format!("{a}{dot}{b}{}", exp_suffix(exp))
}

/// `%.{prec}g` of a non-negative value; `repr_style` gives the no-type
/// format of `format(x, '.3')` (always a `.0` on integers in positional
/// notation, exponent sooner).
pub fn float_format_g(v: f64, prec: usize, alt: bool, repr_style: bool) -> String {
    if let Some(s) = non_finite(v) {
        return s;
    }
    let p = prec.max(1);
    let exp = if v == 0.0 { 0 } else { split_exp(&sci_digits(v, p - 1)).1 };
    let limit = if repr_style { p as i32 - 1 } else { p as i32 };
    if exp < -4 || exp >= limit {
        let s = float_format_e(v, p - 1, alt);
        if alt {
            return s;
        }
        let (m, e) = s.split_once('e').unwrap_or((&s, ""));
        return format!("{}e{e}", strip_zeros(m));
    }
    let decimals = (p as i32 - 1 - exp).max(0) as usize;
    let s = float_format_f(v, decimals, alt);
    if alt {
        return s;
    }
    let s = strip_zeros(&s).to_string();
    if repr_style && !s.contains('.') {
        format!("{s}.0")
    } else {
        s
    }
}

/// Remove trailing zeros after a decimal point (and the point itself).
fn strip_zeros(s: &str) -> &str {
    if !s.contains('.') {
        return s;
    }
    s.trim_end_matches('0').trim_end_matches('.')
}

/// `str.__format__`.
fn str_dunder_format(vm: &Vm, args: crate::types::typeobj::FuncArgs<'_>) -> PyResult {
    let (s, rest) = crate::types::list::method_self::<crate::types::str::StrObj>(vm, &args, "str", "__format__")?;
    let [spec] = rest else {
        return Err(vm.type_error(format!("__format__() takes exactly one argument ({} given)", rest.len())));
    };
    let Some(spec) = vm.str_of(spec) else {
        return Err(vm.type_error(format!("__format__() argument must be str, not {}", spec.ty().name())));
    };
    if spec.is_empty() && !std::ptr::eq(args.args[0].ty(), &*vm.types.str) {
        // A subclass formats as its `str()`.
        return vm.str(&args.args[0]);
    }
    Ok(vm.new_string(format_str(vm, s.as_str(), spec)?))
}

/// Register `str.__format__`, `str.format` and `str.format_map`.
pub(crate) fn init(vm: &Vm) {
    vm.add_method(&vm.types.str, "__format__", str_dunder_format);
    vm.add_method(&vm.types.str, "format", str_format);
    vm.add_method(&vm.types.str, "format_map", str_format_map);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1.0, "1.0"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.0, "1234567890123456.0"),
            (0.1, "0.1"),
            (1.5e-7, "1.5e-07"),
            (1e100, "1e+100"),
            (2.5e16, "2.5e+16"),
            (-123.456, "-123.456"),
            (5e-324, "5e-324"),
        ];
        for (v, want) in cases {
            assert_eq!(float_repr(*v), *want);
        }
    }

    #[test]
    fn float_layouts() {
        assert_eq!(float_format_e(1.0, 0, true), "1.e+00");
        assert_eq!(float_format_e(1e5, 2, false), "1.00e+05");
        assert_eq!(float_format_g(0.0001, 6, false, false), "0.0001");
        assert_eq!(float_format_g(1e-5, 6, false, false), "1e-05");
        assert_eq!(float_format_g(123456.0, 3, false, false), "1.23e+05");
        assert_eq!(float_format_g(100.0, 3, false, true), "1e+02");
        assert_eq!(float_format_g(10.0, 3, false, true), "10.0");
        assert_eq!(float_format_g(1.0, 6, true, false), "1.00000");
        assert_eq!(float_format_f(2.5, 0, false), "2");
    }

    #[test]
    fn grouping() {
        assert_eq!(group_digits("1234", ',', 3, 8), "0,001,234");
        assert_eq!(group_digits("1", ',', 3, 7), "000,001");
        assert_eq!(group_digits("1234567", ',', 3, 0), "1,234,567");
        assert_eq!(group_digits("75bcd15", '_', 4, 0), "75b_cd15");
    }

    #[test]
    fn specs_against_cpython() {
        let vm = crate::types::str::tests::vm();
        let fl = |v: f64, s: &str| format_float(&vm, v, s).unwrap_or_else(|e| format!("ERR {:?}", e.0));
        assert_eq!(fl(1234567.5, "_"), "1_234_567.5");
        assert_eq!(fl(1234567.5, ",e"), "1.234568e+06");
        assert_eq!(fl(-1234.5, "012,.1f"), "-0,001,234.5");
        assert_eq!(fl(f64::NAN, "08.2f"), "00000nan");
        assert_eq!(fl(-0.0, "z.1f"), "0.0");
        assert_eq!(fl(1.5, ",.2%"), "150.00%");
        assert_eq!(fl(1.1, "10"), "       1.1");
        assert_eq!(fl(1.0, "=5"), "  1.0");
        assert_eq!(fl(12.5, "E"), "1.250000E+01");
        assert_eq!(fl(f64::INFINITY, "E"), "INF");
        assert_eq!(fl(f64::INFINITY, "010"), "0000000inf");
        assert_eq!(fl(1e100, ".3"), "1e+100");
        assert_eq!(format_str(&vm, "ab", "05").ok().as_deref(), Some("ab000"));
        assert_eq!(format_str(&vm, "abc", "^7.2").ok().as_deref(), Some("  ab   "));
        let int = |v: i64, s: &str| {
            let o = vm.new_int(v);
            format_int(&vm, &o, s).unwrap_or_else(|_| "ERR".into())
        };
        assert_eq!(int(12, "#010x"), "0x0000000c");
        assert_eq!(int(-12, "=+8"), "-     12");
        assert_eq!(int(12, "^8"), "   12   ");
        assert_eq!(int(1234, "08,d"), "0,001,234");
        assert_eq!(int(123456789, "_x"), "75b_cd15");
        assert_eq!(int(255, "#X"), "0XFF");
        assert_eq!(int(-255, "#o"), "-0o377");
        assert_eq!(int(5, " d"), " 5");
        assert_eq!(int(65, "c"), "A");
        assert_eq!(int(1, ".2d"), "ERR");
        assert_eq!(int(5, ".0%"), "500%");
    }
}
