//! `float` and `complex`.
//!
//! Arithmetic follows CPython's `floatobject.c` semantics: mixed int/float
//! operands are converted with an OverflowError for huge ints, comparisons
//! between ints and floats are exact, `%`/`//` take the sign of the divisor,
//! and `**` of a negative base with a fractional exponent yields a complex.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, Signed, Zero};

use crate::object::{alloc_object, ObjHeader, PyRef};
use crate::types::bytes::{ByteArrayObj, BytesObj};
use crate::types::int::{
    binary_dunders, bind_args, cmp_result, compare_dunders, int_of, int_to_f64, self_only, two_args, unary_dunders,
    IntValue, HASH_MODULUS,
};
use crate::types::typeobj::{CmpOp, FuncArgs, Layout, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

/// A `float`.
#[repr(C)]
pub struct FloatObj {
    /// Header.
    pub ob: ObjHeader,
    /// The value.
    pub value: f64,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for FloatObj {
    const LAYOUT: Layout = Layout::Float;
}

/// A `complex`.
#[repr(C)]
pub struct ComplexObj {
    /// Header.
    pub ob: ObjHeader,
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for ComplexObj {
    const LAYOUT: Layout = Layout::Complex;
}

// ----- helpers shared with math -----

/// The value of a float object (float subclasses included).
#[inline(always)]
pub fn float_of(o: &PyRef) -> Option<f64> {
    o.downcast::<FloatObj>().map(|f| f.value)
}

/// A float or int operand as an `f64` (`None` for other types; OverflowError
/// for ints too large for a float).
#[inline]
pub fn number_to_f64(vm: &Vm, o: &PyRef) -> PyResult<Option<f64>> {
    if let Some(v) = float_of(o) {
        return Ok(Some(v));
    }
    match int_of(o) {
        Some(i) => int_to_f64(vm, &i.value).map(Some),
        None => Ok(None),
    }
}

/// `float(o)` for any object: floats, `__float__`, `__index__`.
/// TypeError "must be real number, not X" otherwise (the `math` convention).
pub fn as_f64(vm: &Vm, o: &PyRef) -> PyResult<f64> {
    if let Some(v) = number_to_f64(vm, o)? {
        return Ok(v);
    }
    let slots = o.ty().slots();
    if let Some(f) = slots.float {
        let r = f(vm, o)?;
        return float_of(&r).ok_or_else(|| {
            vm.type_error(format!("{}.__float__ returned non-float (type {})", o.ty().name(), r.ty().name()))
        });
    }
    if slots.index.is_some() {
        let i = vm.index(o)?;
        return number_to_f64(vm, &i).map(|v| v.unwrap_or(0.0));
    }
    Err(vm.type_error(format!("must be real number, not {}", o.ty().name())))
}

/// `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1` (`(x, 0)` for 0, inf, nan).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adj) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(54), -54) } else { (x, 0) };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022 + adj)
}

/// `x * 2**e`, correctly rounded (inf on overflow, signed zero on underflow).
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, ex) = frexp(x);
    let t = i64::from(ex).saturating_add(e);
    if t > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if t <= -1075 {
        return 0.0f64.copysign(x);
    }
    if t >= -1021 {
        // 2m is in [1, 2) and 2**(t-1) is a normal power of two: exact.
        return (m * 2.0) * pow2(t - 1);
    }
    // Subnormal result: one rounding in the multiplication.
    m * pow2(t)
}

/// `2**k` for `-1074 <= k <= 1023`, built from its bits (exact).
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// The exact integer value of a finite float, truncated toward zero.
pub fn f64_to_bigint(v: f64) -> BigInt {
    BigInt::from_f64(v.trunc()).unwrap_or_default()
}

/// `int(v)` for a float: truncation, with CPython's errors for inf and nan.
pub fn float_to_int(vm: &Vm, v: f64) -> PyResult {
    if v.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if v.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = v.trunc();
    if t.abs() < 9.2e18 {
        return Ok(vm.new_int(t as i64));
    }
    Ok(vm.new_bigint(f64_to_bigint(t)))
}

/// Exact comparison of an int value with a float (`None` if the float is nan).
pub fn cmp_int_float(i: &IntValue, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if let IntValue::Small(x) = i {
        if x.unsigned_abs() <= 1 << 53 {
            return (*x as f64).partial_cmp(&f);
        }
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let ft = f.trunc();
    let ord = i.to_big().as_ref().cmp(&f64_to_bigint(ft));
    if ord != Ordering::Equal {
        return Some(ord);
    }
    let frac = f - ft;
    Some(if frac > 0.0 {
        Ordering::Less
    } else if frac < 0.0 {
        Ordering::Greater
    } else {
        Ordering::Equal
    })
}

// ----- hashing -----

fn mulmod(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) % u128::from(HASH_MODULUS)) as u64
}

/// CPython's hash of a finite or infinite float (nan hashes by identity, see
/// [`float_hash`]): equal to the hash of an equal int or fraction.
pub fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v == 0.0 || v.is_nan() {
        return 0;
    }
    // |v| = n * 2**k with n a 53-bit integer.
    let (m, e) = frexp(v.abs());
    let n = (m * 2f64.powi(53)) as u64;
    let k = i64::from(e) - 53;
    let pow2 = 1u64 << k.rem_euclid(61);
    let h = mulmod(n % HASH_MODULUS, pow2 % HASH_MODULUS) as i64;
    let h = if v < 0.0 { -h } else { h };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn float_hash(_vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let v = float_of(o).unwrap_or(0.0);
    if v.is_nan() {
        let h = (o.as_ptr() as usize).rotate_right(4) as i64;
        return Ok(if h == -1 { -2 } else { h });
    }
    Ok(hash_f64(v))
}

// ----- repr, compare, bool -----

fn float_repr(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_string(crate::types::format::float_repr(float_of(o).unwrap_or(0.0))))
}

fn float_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let Some(x) = float_of(a) else { return Ok(vm.not_implemented.clone()) };
    let ord = if let Some(y) = float_of(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = int_of(b) {
        cmp_int_float(&i.value, x).map(Ordering::reverse)
    } else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(match ord {
        Some(o) => cmp_result(o, op),
        None => op == CmpOp::Ne,
    }))
}

fn float_bool(_vm: &Vm, o: &PyRef) -> PyResult<bool> {
    Ok(float_of(o).is_some_and(|v| v != 0.0))
}

// ----- arithmetic -----

/// Both operands as floats when one is a float and the other a float or int.
#[inline(always)]
fn operands(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<Option<(f64, f64)>> {
    if let (Some(x), Some(y)) = (float_of(a), float_of(b)) {
        return Ok(Some((x, y)));
    }
    match (number_to_f64(vm, a)?, number_to_f64(vm, b)?) {
        (Some(x), Some(y)) => Ok(Some((x, y))),
        _ => Ok(None),
    }
}

#[inline(always)]
fn float_binop(vm: &Vm, a: &PyRef, b: &PyRef, f: impl FnOnce(f64, f64) -> PyResult<f64>) -> PyResult {
    match operands(vm, a, b)? {
        Some((x, y)) => Ok(vm.new_float(f(x, y)?)),
        None => Ok(vm.not_implemented.clone()),
    }
}

fn float_add(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    float_binop(vm, a, b, |x, y| Ok(x + y))
}
fn float_sub(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    float_binop(vm, a, b, |x, y| Ok(x - y))
}
fn float_mul(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    float_binop(vm, a, b, |x, y| Ok(x * y))
}
fn float_truediv(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    float_binop(vm, a, b, |x, y| {
        if y == 0.0 {
            return Err(vm.zero_division_error("float division by zero"));
        }
        Ok(x / y)
    })
}

/// Python's float `%` (sign of the divisor); `y` must be nonzero.
pub fn float_mod_values(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

/// Python's float `divmod`; `y` must be nonzero.
pub fn float_divmod_values(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

fn float_floordiv(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    float_binop(vm, a, b, |x, y| {
        if y == 0.0 {
            return Err(vm.zero_division_error("float floor division by zero"));
        }
        Ok(float_divmod_values(x, y).0)
    })
}
fn float_rem(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    float_binop(vm, a, b, |x, y| {
        if y == 0.0 {
            return Err(vm.zero_division_error("float modulo"));
        }
        Ok(float_mod_values(x, y))
    })
}
fn float_divmod(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((x, y)) = operands(vm, a, b)? else { return Ok(vm.not_implemented.clone()) };
    if y == 0.0 {
        return Err(vm.zero_division_error("float divmod()"));
    }
    let (d, m) = float_divmod_values(x, y);
    Ok(vm.new_tuple(vec![vm.new_float(d), vm.new_float(m)]))
}

fn is_odd_integer(v: f64) -> bool {
    v.is_finite() && v.trunc() == v && (v % 2.0).abs() == 1.0
}

/// The OverflowError CPython raises for ERANGE: `(34, 'Numerical result out of range')`.
pub fn range_error(vm: &Vm) -> crate::PyErr {
    vm.new_exception(&vm.exc.overflow_error, vec![vm.new_int(34), vm.new_str("Numerical result out of range")])
}

/// `x ** y` for floats with CPython's special cases; a negative base with a
/// non-integral exponent gives a complex.
pub fn float_pow_values(vm: &Vm, x: f64, y: f64) -> PyResult {
    if y == 0.0 {
        return Ok(vm.new_float(1.0));
    }
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    if y.is_nan() {
        return Ok(vm.new_float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        let r = if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(vm.new_float(r));
    }
    let y_odd = is_odd_integer(y);
    if x.is_infinite() {
        let r = if y > 0.0 {
            if y_odd {
                x
            } else {
                x.abs()
            }
        } else if y_odd {
            0.0f64.copysign(x)
        } else {
            0.0
        };
        return Ok(vm.new_float(r));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        return Ok(vm.new_float(if y_odd { x } else { 0.0 }));
    }
    let mut negate = false;
    let mut base = x;
    if x < 0.0 {
        if y != y.floor() {
            return complex_pow_values(vm, (x, 0.0), (y, 0.0)).map(|(re, im)| new_complex(vm, re, im));
        }
        base = -x;
        negate = y_odd;
    }
    if base == 1.0 {
        return Ok(vm.new_float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(vm.new_float(if negate { -r } else { r }))
}

fn float_pow(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    if !vm.is_none(m) {
        if operands(vm, a, b)?.is_some() {
            return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        }
        return Ok(vm.not_implemented.clone());
    }
    match operands(vm, a, b)? {
        Some((x, y)) => float_pow_values(vm, x, y),
        None => Ok(vm.not_implemented.clone()),
    }
}

// ----- unary -----

fn float_neg(vm: &Vm, a: &PyRef) -> PyResult {
    Ok(vm.new_float(-float_of(a).unwrap_or(0.0)))
}
fn float_pos(vm: &Vm, a: &PyRef) -> PyResult {
    Ok(exact_float(vm, a))
}
fn float_abs(vm: &Vm, a: &PyRef) -> PyResult {
    Ok(vm.new_float(float_of(a).unwrap_or(0.0).abs()))
}
fn float_int(vm: &Vm, a: &PyRef) -> PyResult {
    float_to_int(vm, float_of(a).unwrap_or(0.0))
}
fn float_floor(vm: &Vm, a: &PyRef) -> PyResult {
    float_to_int(vm, float_of(a).unwrap_or(0.0).floor())
}
fn float_ceil(vm: &Vm, a: &PyRef) -> PyResult {
    float_to_int(vm, float_of(a).unwrap_or(0.0).ceil())
}

/// The same value as an object of exact type `float`.
fn exact_float(vm: &Vm, o: &PyRef) -> PyRef {
    if std::ptr::eq(o.ty(), &*vm.types.float) {
        o.clone()
    } else {
        vm.new_float(float_of(o).unwrap_or(0.0))
    }
}

// ----- float(x) -----

/// Parse Python float text: whitespace, sign, `inf`/`infinity`/`nan`
/// (any case), decimal literals with single underscores between digits.
pub fn parse_float_text(s: &str) -> Option<f64> {
    let mapped: String;
    let mut t = s.trim();
    if !t.is_ascii() {
        mapped = t.chars().map(|c| if c.is_ascii() { Some(c) } else { crate::types::int::unicode_digit(c) }).collect::<Option<String>>()?;
        t = &mapped;
    }
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => parse_decimal(body)?,
    };
    Some(if neg { -v } else { v })
}

/// A decimal literal without sign: digits, optional fraction and exponent.
fn parse_decimal(body: &str) -> Option<f64> {
    let b = body.as_bytes();
    let mut clean = String::with_capacity(b.len());
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' | b'.' | b'e' | b'E' => clean.push(c as char),
            b'+' | b'-' if i > 0 && matches!(b[i - 1], b'e' | b'E') => clean.push(c as char),
            b'_' => {
                let digit_before = i > 0 && b[i - 1].is_ascii_digit();
                let digit_after = b.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !(digit_before && digit_after) {
                    return None;
                }
            }
            _ => return None,
        }
    }
    let mantissa_end = clean.find(['e', 'E']).unwrap_or(clean.len());
    if !clean[..mantissa_end].bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// Text of a str/bytes/bytearray argument to `float()` (non-ASCII Unicode
/// digits mapped to ASCII when possible).
fn float_arg_text(o: &PyRef) -> Option<String> {
    if let Some(s) = o.downcast::<crate::types::str::StrObj>() {
        return Some(s.as_str().to_string());
    }
    if let Some(b) = o.downcast::<BytesObj>() {
        return Some(String::from_utf8_lossy(&b.value).into_owned());
    }
    if let Some(b) = o.downcast::<ByteArrayObj>() {
        // SAFETY: copied out at once; no Python code runs during the borrow.
        return Some(String::from_utf8_lossy(unsafe { &*b.value.get() }).into_owned());
    }
    None
}

/// `float(x)`.
pub fn float_from_object(vm: &Vm, x: &PyRef) -> PyResult<f64> {
    if let Some(v) = float_of(x) {
        if std::ptr::eq(x.ty(), &*vm.types.float) {
            return Ok(v);
        }
    }
    let slots = x.ty().slots();
    if let Some(f) = slots.float {
        let r = f(vm, x)?;
        return float_of(&r).ok_or_else(|| {
            vm.type_error(format!("{}.__float__ returned non-float (type {})", x.ty().name(), r.ty().name()))
        });
    }
    if slots.index.is_some() {
        let i = vm.index(x)?;
        return number_to_f64(vm, &i).map(|v| v.unwrap_or(0.0));
    }
    if let Some(t) = float_arg_text(x) {
        return match parse_float_text(&t) {
            Some(v) => Ok(v),
            None => {
                let r = vm.repr_string(x)?;
                Err(vm.value_error(format!("could not convert string to float: {r}")))
            }
        };
    }
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", x.ty().name())))
}

fn float_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("float() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.len() > 1 {
        return Err(vm.type_error(format!("float expected at most 1 argument, got {}", pos.len())));
    }
    let v = match pos.first() {
        Some(x) => float_from_object(vm, x)?,
        None => 0.0,
    };
    if cls.is(vm.types.float.as_ref()) {
        return Ok(vm.new_float(v));
    }
    let ty = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("float.__new__(X): X is not a type object"))?;
    if ty.layout != Layout::Float {
        return Err(vm.type_error(format!("float.__new__({}): {} is not a subtype of float", ty.name(), ty.name())));
    }
    Ok(alloc_object(&ty, |ob| FloatObj { ob, value: v }))
}

// ----- methods -----

fn self_float(vm: &Vm, args: &FuncArgs<'_>, name: &str) -> PyResult<f64> {
    args.args
        .first()
        .and_then(float_of)
        .ok_or_else(|| vm.type_error(format!("descriptor '{name}' requires a 'float' object")))
}

fn m_is_integer(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    self_only(vm, &args, "is_integer")?;
    let v = self_float(vm, &args, "is_integer")?;
    Ok(vm.new_bool(v.is_finite() && v.trunc() == v))
}

/// `(numerator, denominator)` of a finite float, in lowest terms.
pub fn float_ratio(v: f64) -> (BigInt, BigInt) {
    let (m, e) = frexp(v);
    let n = (m * 2f64.powi(53)) as i64;
    let mut exp = i64::from(e) - 53;
    let mut num = BigInt::from(n);
    if num.is_zero() {
        return (num, BigInt::from(1));
    }
    let tz = num.trailing_zeros().unwrap_or(0) as i64;
    let shift = if exp < 0 { tz.min(-exp) } else { tz };
    num >>= shift as usize;
    exp += shift;
    if exp >= 0 {
        (num << exp as usize, BigInt::from(1))
    } else {
        (num, BigInt::from(1) << (-exp) as usize)
    }
}

fn m_as_integer_ratio(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    self_only(vm, &args, "as_integer_ratio")?;
    let v = self_float(vm, &args, "as_integer_ratio")?;
    if v.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if v.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = float_ratio(v);
    Ok(vm.new_tuple(vec![vm.new_bigint(n), vm.new_bigint(d)]))
}

/// `round(x, ndigits)` for a float, correctly rounded (halves to even on the
/// exact binary value). `None` when the result overflows.
pub fn round_f64(x: f64, ndigits: i64) -> Option<f64> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Some(x);
    }
    if ndigits < NDIGITS_MIN {
        return Some(0.0 * x);
    }
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, x);
        return s.parse::<f64>().ok();
    }
    let p: BigInt = num_traits::Pow::pow(BigInt::from(10), ndigits.unsigned_abs() as u32);
    let fl = x.floor();
    let frac = x - fl;
    let (mut q, r) = f64_to_bigint(fl).div_mod_floor(&p);
    let twice: BigInt = r * 2;
    let up = match twice.cmp(&p) {
        Ordering::Greater => true,
        Ordering::Equal => frac > 0.0 || q.is_odd(),
        Ordering::Less => false,
    };
    if up {
        q += 1;
    }
    let v = num_traits::ToPrimitive::to_f64(&(q * p)).unwrap_or(f64::INFINITY);
    if v.is_infinite() {
        return None;
    }
    Some(if v == 0.0 { 0.0f64.copysign(x) } else { v })
}

fn m_round(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = self_float(vm, &args, "__round__")?;
    let pos = args.positional().get(1..).unwrap_or(&[]);
    if pos.len() > 1 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", pos.len())));
    }
    let nd = match pos.first() {
        Some(n) if !vm.is_none(n) => vm.index(n)?,
        _ => return float_to_int(vm, x.round_ties_even()),
    };
    let nd = match int_of(&nd).map(|i| &i.value) {
        Some(IntValue::Small(v)) => *v,
        Some(IntValue::Big(b)) if b.is_negative() => i64::MIN,
        _ => i64::MAX,
    };
    match round_f64(x, nd) {
        Some(v) => Ok(vm.new_float(v)),
        None => Err(vm.overflow_error("rounded value too large to represent")),
    }
}

/// `float.hex()`: `[-]0x<h>.<13 hex digits>p<exp>`.
pub fn float_hex(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = v.to_bits();
    let frac = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
}

/// Parse `float.fromhex` text; `Err(true)` on overflow, `Err(false)` when malformed.
pub fn parse_float_hex(s: &str) -> Result<f64, bool> {
    let t = s.trim();
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => parse_hex_body(&lower)?,
    };
    Ok(if neg { -v } else { v })
}

fn parse_hex_body(b: &str) -> Result<f64, bool> {
    let b = b.strip_prefix("0x").unwrap_or(b);
    let (mant, exp) = match b.find('p') {
        Some(i) => (&b[..i], Some(&b[i + 1..])),
        None => (b, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(false);
    }
    let digits: String = [ip, fp].concat();
    if !digits.bytes().all(|c| c.is_ascii_hexdigit()) {
        return Err(false);
    }
    let e: i64 = match exp {
        Some(x) => {
            let body = x.strip_prefix(['+', '-']).unwrap_or(x);
            if body.is_empty() || !body.bytes().all(|c| c.is_ascii_digit()) {
                return Err(false);
            }
            x.parse::<i64>().unwrap_or(if x.starts_with('-') { i64::MIN / 2 } else { i64::MAX / 2 })
        }
        None => 0,
    };
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    if m.is_zero() {
        return Ok(0.0);
    }
    let e = e.saturating_sub(4 * fp.len() as i64);
    let top = e.saturating_add(m.bits() as i64);
    if top > 1025 {
        return Err(true);
    }
    if top < -1080 {
        return Ok(0.0);
    }
    let r = if e >= 0 {
        num_traits::ToPrimitive::to_f64(&(m << e as usize)).filter(|v| v.is_finite())
    } else {
        crate::types::int::big_truediv(&m, &(BigInt::from(1) << (-e) as usize))
    };
    r.ok_or(true)
}

fn m_hex(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    self_only(vm, &args, "hex")?;
    Ok(vm.new_string(float_hex(self_float(vm, &args, "hex")?)))
}

fn m_fromhex(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (cls, s) = two_args(vm, &args, "fromhex")?;
    let Some(text) = vm.str_of(s) else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let v = match parse_float_hex(text) {
        Ok(v) => v,
        Err(true) => return Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
        Err(false) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
    };
    let r = vm.new_float(v);
    if cls.is(vm.types.float.as_ref()) {
        return Ok(r);
    }
    vm.call_pos(cls, &[r])
}

/// `float.__getformat__(typestr)`.
fn m_getformat(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (_, t) = two_args(vm, &args, "__getformat__")?;
    match vm.str_of(t) {
        Some("double" | "float") => Ok(vm.new_str("IEEE, little-endian")),
        Some(_) => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => Err(vm.type_error(format!("__getformat__() argument must be str, not {}", t.ty().name()))),
    }
}

fn m_format(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, spec) = two_args(vm, &args, "__format__")?;
    let Some(spec) = vm.str_of(spec) else {
        return Err(vm.type_error(format!("format() argument 2 must be str, not {}", spec.ty().name())));
    };
    let v = float_of(s).ok_or_else(|| vm.type_error("descriptor '__format__' requires a 'float' object"))?;
    Ok(vm.new_string(crate::types::format::format_float(vm, v, spec)?))
}

fn m_getnewargs(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = self_only(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![exact_float(vm, s)]))
}

fn float_pow_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    match args.positional() {
        [a, b] => float_pow(vm, a, b, &vm.none),
        [a, b, m] => float_pow(vm, a, b, m),
        p => Err(vm.type_error(format!("expected 1 or 2 arguments, got {}", p.len().saturating_sub(1)))),
    }
}

fn float_rpow_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    match args.positional() {
        [a, b] => float_pow(vm, b, a, &vm.none),
        [a, b, m] => float_pow(vm, b, a, m),
        p => Err(vm.type_error(format!("expected 1 or 2 arguments, got {}", p.len().saturating_sub(1)))),
    }
}

fn float_hash_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = self_only(vm, &args, "__hash__")?;
    Ok(vm.new_int(float_hash(vm, s)?))
}

fn float_bool_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = self_only(vm, &args, "__bool__")?;
    Ok(vm.new_bool(float_bool(vm, s)?))
}

fn get_real(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(exact_float(vm, o))
}
fn get_imag(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.new_float(0.0))
}

fn float_slots() -> Slots {
    Slots {
        repr: Some(float_repr),
        hash: Some(float_hash),
        richcompare: Some(float_richcompare),
        new: Some(float_new),
        bool: Some(float_bool),
        add: Some(float_add),
        sub: Some(float_sub),
        mul: Some(float_mul),
        truediv: Some(float_truediv),
        floordiv: Some(float_floordiv),
        rem: Some(float_rem),
        divmod: Some(float_divmod),
        pow: Some(float_pow),
        neg: Some(float_neg),
        pos: Some(float_pos),
        abs: Some(float_abs),
        int: Some(float_int),
        float: Some(float_pos),
        ..Default::default()
    }
}

/// Install the slots, methods and attributes of `float` and `complex`.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.float;
    vm.set_type_slots(t, float_slots());
    binary_dunders!(vm, t,
        float_add => "__add__", "__radd__";
        float_sub => "__sub__", "__rsub__";
        float_mul => "__mul__", "__rmul__";
        float_truediv => "__truediv__", "__rtruediv__";
        float_floordiv => "__floordiv__", "__rfloordiv__";
        float_rem => "__mod__", "__rmod__";
        float_divmod => "__divmod__", "__rdivmod__";
    );
    compare_dunders!(vm, t, float_richcompare);
    unary_dunders!(vm, t,
        float_repr => "__repr__";
        float_neg => "__neg__";
        float_pos => "__pos__";
        float_abs => "__abs__";
        float_int => "__int__";
        float_pos => "__float__";
        float_int => "__trunc__";
        float_floor => "__floor__";
        float_ceil => "__ceil__";
        float_pos => "conjugate";
    );
    vm.add_method(t, "__pow__", float_pow_method);
    vm.add_method(t, "__rpow__", float_rpow_method);
    vm.add_method(t, "__hash__", float_hash_method);
    vm.add_method(t, "__bool__", float_bool_method);
    vm.add_method(t, "is_integer", m_is_integer);
    vm.add_method(t, "hex", m_hex);
    vm.add_classmethod(t, "__getformat__", m_getformat);
    vm.add_classmethod(t, "fromhex", m_fromhex);
    vm.add_method(t, "as_integer_ratio", m_as_integer_ratio);
    vm.add_method(t, "__round__", m_round);
    vm.add_method(t, "__format__", m_format);
    vm.add_method(t, "__getnewargs__", m_getnewargs);
    vm.add_getset(t, "real", get_real, None);
    vm.add_getset(t, "imag", get_imag, None);
    complex_init(vm);
}

// ===================== complex =====================

/// A new exact `complex`.
pub fn new_complex(vm: &Vm, re: f64, im: f64) -> PyRef {
    alloc_object(&vm.types.complex, |ob| ComplexObj { ob, re, im })
}

/// A complex, float or int operand as `(re, im)`.
fn complex_operand(vm: &Vm, o: &PyRef) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = o.downcast::<ComplexObj>() {
        return Ok(Some((c.re, c.im)));
    }
    Ok(number_to_f64(vm, o)?.map(|v| (v, 0.0)))
}

fn complex_binop(vm: &Vm, a: &PyRef, b: &PyRef, f: impl FnOnce((f64, f64), (f64, f64)) -> PyResult<(f64, f64)>) -> PyResult {
    match (complex_operand(vm, a)?, complex_operand(vm, b)?) {
        (Some(x), Some(y)) => f(x, y).map(|(re, im)| new_complex(vm, re, im)),
        _ => Ok(vm.not_implemented.clone()),
    }
}

fn cmul(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Complex division (Smith's algorithm); `None` for division by zero.
fn cdiv(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn cpow_uint(a: (f64, f64), mut n: u64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = a;
    while n > 0 {
        if n & 1 == 1 {
            r = cmul(r, p);
        }
        n >>= 1;
        if n > 0 {
            p = cmul(p, p);
        }
    }
    r
}

/// `a ** b` for complex values.
fn complex_pow_raw(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let r = cpow_uint(a, n.unsigned_abs());
        if n >= 0 {
            return Ok(r);
        }
        return cdiv((1.0, 0.0), r).ok_or_else(|| vm.zero_division_error("0.0 to a negative or complex power"));
    }
    if b == (0.0, 0.0) {
        return Ok((1.0, 0.0));
    }
    if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(vm.zero_division_error("0.0 to a negative or complex power"));
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` for complex values; OverflowError when a part of the result is infinite.
pub fn complex_pow_values(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let r = complex_pow_raw(vm, a, b)?;
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(r)
}

fn complex_add(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    complex_binop(vm, a, b, |x, y| Ok((x.0 + y.0, x.1 + y.1)))
}
fn complex_sub(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    complex_binop(vm, a, b, |x, y| Ok((x.0 - y.0, x.1 - y.1)))
}
fn complex_mul(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    complex_binop(vm, a, b, |x, y| Ok(cmul(x, y)))
}
fn complex_truediv(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    complex_binop(vm, a, b, |x, y| cdiv(x, y).ok_or_else(|| vm.zero_division_error("complex division by zero")))
}
fn complex_pow(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    if !vm.is_none(m) {
        return Err(vm.value_error("complex modulo"));
    }
    complex_binop(vm, a, b, |x, y| complex_pow_values(vm, x, y))
}

fn complex_parts(o: &PyRef) -> (f64, f64) {
    o.downcast::<ComplexObj>().map_or((0.0, 0.0), |c| (c.re, c.im))
}

fn complex_neg(vm: &Vm, a: &PyRef) -> PyResult {
    let (re, im) = complex_parts(a);
    Ok(new_complex(vm, -re, -im))
}
fn complex_pos(vm: &Vm, a: &PyRef) -> PyResult {
    let (re, im) = complex_parts(a);
    Ok(new_complex(vm, re, im))
}
fn complex_abs(vm: &Vm, a: &PyRef) -> PyResult {
    let (re, im) = complex_parts(a);
    let r = re.hypot(im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(vm.new_float(r))
}
fn complex_bool(_vm: &Vm, a: &PyRef) -> PyResult<bool> {
    let (re, im) = complex_parts(a);
    Ok(re != 0.0 || im != 0.0)
}
fn complex_conjugate(vm: &Vm, a: &PyRef) -> PyResult {
    let (re, im) = complex_parts(a);
    Ok(new_complex(vm, re, -im))
}

/// A float in `repr` style without a trailing `.0` (complex parts).
fn complex_part_repr(v: f64) -> String {
    let s = crate::types::format::float_repr(v);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

fn complex_repr(vm: &Vm, a: &PyRef) -> PyResult {
    let (re, im) = complex_parts(a);
    let ims = complex_part_repr(im);
    if re == 0.0 && re.is_sign_positive() {
        return Ok(vm.new_string(format!("{ims}j")));
    }
    let sign = if ims.starts_with('-') { "" } else { "+" };
    Ok(vm.new_string(format!("({}{}{}j)", complex_part_repr(re), sign, ims)))
}

fn complex_hash(_vm: &Vm, a: &PyRef) -> PyResult<i64> {
    let (re, im) = complex_parts(a);
    let h = hash_f64(re).wrapping_add(1000003i64.wrapping_mul(hash_f64(im)));
    Ok(if h == -1 { -2 } else { h })
}

fn complex_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    if op != CmpOp::Eq && op != CmpOp::Ne {
        return Ok(vm.not_implemented.clone());
    }
    let (re, im) = complex_parts(a);
    let eq = if let Some(i) = int_of(b) {
        im == 0.0 && cmp_int_float(&i.value, re) == Some(Ordering::Equal)
    } else if let Some(f) = float_of(b) {
        im == 0.0 && re == f
    } else if let Some(c) = b.downcast::<ComplexObj>() {
        re == c.re && im == c.im
    } else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.new_bool(eq == (op == CmpOp::Eq)))
}

/// Parse `complex('...')` text.
pub fn parse_complex_text(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if let Some(inner) = t.strip_prefix('(') {
        t = inner.strip_suffix(')')?.trim();
    }
    if t.is_empty() || t.chars().any(char::is_whitespace) {
        return None;
    }
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return Some((parse_float_text(t)?, 0.0));
    };
    // Split "re±im" at the last sign not following an exponent marker.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    let imag = |x: &str| -> Option<f64> {
        match x {
            "" | "+" => Some(1.0),
            "-" => Some(-1.0),
            _ => parse_float_text(x),
        }
    };
    match split {
        Some(i) => Some((parse_float_text(&body[..i])?, imag(&body[i..])?)),
        None => Some((0.0, imag(body)?)),
    }
}

/// `complex(x)` conversion of one argument (not a string).
fn to_complex(vm: &Vm, o: &PyRef, fname_arg: &str) -> PyResult<(f64, f64)> {
    if let Some(c) = o.downcast::<ComplexObj>() {
        return Ok((c.re, c.im));
    }
    if let Some(r) = vm.call_special(o, "__complex__", &[])? {
        return match r.downcast::<ComplexObj>() {
            Some(c) => Ok((c.re, c.im)),
            None => Err(vm.type_error(format!("__complex__ returned non-complex (type {})", r.ty().name()))),
        };
    }
    let s = o.ty().slots();
    if s.float.is_some() || s.index.is_some() {
        return Ok((float_from_object(vm, o)?, 0.0));
    }
    Err(vm.type_error(format!("complex() {fname_arg} must be a string or a number, not '{}'", o.ty().name())))
}

fn complex_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let [real, imag] = bind_args(vm, "complex", args.positional(), &args, ["real", "imag"], 0, 0)?;
    let (re, im) = match (real, imag) {
        (None, None) => (0.0, 0.0),
        (Some(r), i) if vm.str_of(r).is_some() => {
            if i.is_some() {
                return Err(vm.type_error("complex() can't take second arg if first is a string"));
            }
            parse_complex_text(vm.str_of(r).unwrap_or(""))
                .ok_or_else(|| vm.value_error("complex() arg is a malformed string"))?
        }
        (r, i) => {
            if let Some(i) = i {
                if vm.str_of(i).is_some() {
                    return Err(vm.type_error("complex() second arg can't be a string"));
                }
            }
            let cr = match r {
                Some(r) => to_complex(vm, r, "first argument")?,
                None => (0.0, 0.0),
            };
            match i {
                // Only complex parts mix in, so `complex(1.5, -0.0)` keeps its signed zero.
                Some(i) => {
                    let ci = to_complex(vm, i, "second argument")?;
                    let re = if i.downcast::<ComplexObj>().is_some() { cr.0 - ci.1 } else { cr.0 };
                    let im = if r.is_some_and(|r| r.downcast::<ComplexObj>().is_some()) { ci.0 + cr.1 } else { ci.0 };
                    (re, im)
                }
                None => cr,
            }
        }
    };
    if cls.is(vm.types.complex.as_ref()) {
        return Ok(new_complex(vm, re, im));
    }
    let ty = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("complex.__new__(X): X is not a type object"))?;
    if ty.layout != Layout::Complex {
        return Err(vm.type_error(format!("complex.__new__({}): {} is not a subtype of complex", ty.name(), ty.name())));
    }
    Ok(alloc_object(&ty, |ob| ComplexObj { ob, re, im }))
}

fn complex_get_real(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_float(complex_parts(o).0))
}
fn complex_get_imag(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.new_float(complex_parts(o).1))
}

fn complex_pow_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    match args.positional() {
        [a, b] => complex_pow(vm, a, b, &vm.none),
        [a, b, m] => complex_pow(vm, a, b, m),
        p => Err(vm.type_error(format!("expected 1 or 2 arguments, got {}", p.len().saturating_sub(1)))),
    }
}

fn complex_rpow_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    match args.positional() {
        [a, b] => complex_pow(vm, b, a, &vm.none),
        [a, b, m] => complex_pow(vm, b, a, m),
        p => Err(vm.type_error(format!("expected 1 or 2 arguments, got {}", p.len().saturating_sub(1)))),
    }
}

fn complex_hash_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = self_only(vm, &args, "__hash__")?;
    Ok(vm.new_int(complex_hash(vm, s)?))
}

fn complex_bool_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = self_only(vm, &args, "__bool__")?;
    Ok(vm.new_bool(complex_bool(vm, s)?))
}

fn complex_getnewargs(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (re, im) = complex_parts(self_only(vm, &args, "__getnewargs__")?);
    Ok(vm.new_tuple(vec![vm.new_float(re), vm.new_float(im)]))
}

/// One part of a formatted complex: `sign` is the sign flag to apply.
fn complex_part_format(vm: &Vm, v: f64, sign: Option<char>, f: &crate::types::format::FormatSpec) -> PyResult<String> {
    let ty = match f.ty {
        '\0' if f.precision.is_none() => {
            let s = complex_part_repr(v);
            return Ok(match sign {
                Some(c) if !s.starts_with('-') && c != '-' => format!("{c}{s}"),
                _ => s,
            });
        }
        '\0' | 'n' => 'g',
        t => t,
    };
    let mut sub = String::new();
    sub.extend(sign);
    if f.alt {
        sub.push('#');
    }
    sub.extend(f.grouping);
    if let Some(p) = f.precision {
        sub.push_str(&format!(".{p}"));
    }
    sub.push(ty);
    crate::types::format::format_float(vm, v, &sub)
}

/// `complex.__format__(spec)`.
fn complex_format(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, spec) = two_args(vm, &args, "__format__")?;
    let Some(spec) = vm.str_of(spec) else {
        return Err(vm.type_error(format!("format() argument 2 must be str, not {}", spec.ty().name())));
    };
    if spec.is_empty() {
        return vm.str(s);
    }
    let f = crate::types::format::parse_spec(vm, spec, '\0', '>', "complex")?;
    if f.fill == '0' && f.align == Some('=') && !spec.contains("0=") {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if f.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    if !matches!(f.ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(vm.value_error(format!("Unknown format code '{}' for object of type 'complex'", f.ty)));
    }
    let (re, im) = complex_parts(s);
    let skip_re = f.ty == '\0' && re == 0.0 && re.is_sign_positive();
    let parens = f.ty == '\0' && !skip_re;
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&complex_part_format(vm, re, f.sign, &f)?);
    }
    let im_sign = if skip_re { f.sign } else { Some('+') };
    body.push_str(&complex_part_format(vm, im, im_sign, &f)?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    let padding = f.width.saturating_sub(len);
    let (left, right) = match f.align.unwrap_or('>') {
        '<' => (0, padding),
        '^' => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    let fill = |n: usize| std::iter::repeat_n(f.fill, n).collect::<String>();
    Ok(vm.new_string(format!("{}{body}{}", fill(left), fill(right))))
}

fn complex_init(vm: &Vm) {
    let t = &vm.types.complex;
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(complex_repr),
            hash: Some(complex_hash),
            richcompare: Some(complex_richcompare),
            new: Some(complex_new),
            bool: Some(complex_bool),
            add: Some(complex_add),
            sub: Some(complex_sub),
            mul: Some(complex_mul),
            truediv: Some(complex_truediv),
            pow: Some(complex_pow),
            neg: Some(complex_neg),
            pos: Some(complex_pos),
            abs: Some(complex_abs),
            ..Default::default()
        },
    );
    binary_dunders!(vm, t,
        complex_add => "__add__", "__radd__";
        complex_sub => "__sub__", "__rsub__";
        complex_mul => "__mul__", "__rmul__";
        complex_truediv => "__truediv__", "__rtruediv__";
    );
    compare_dunders!(vm, t, complex_richcompare);
    unary_dunders!(vm, t,
        complex_repr => "__repr__";
        complex_neg => "__neg__";
        complex_pos => "__pos__";
        complex_abs => "__abs__";
        complex_conjugate => "conjugate";
        complex_pos => "__complex__";
    );
    vm.add_method(t, "__pow__", complex_pow_method);
    vm.add_method(t, "__rpow__", complex_rpow_method);
    vm.add_method(t, "__hash__", complex_hash_method);
    vm.add_method(t, "__bool__", complex_bool_method);
    vm.add_method(t, "__getnewargs__", complex_getnewargs);
    vm.add_method(t, "__format__", complex_format);
    vm.add_getset(t, "real", complex_get_real, None);
    vm.add_getset(t, "imag", complex_get_imag, None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_floats() {
        assert_eq!(parse_float_text(" 1.5 "), Some(1.5));
        assert_eq!(parse_float_text("1_0.5"), Some(10.5));
        assert_eq!(parse_float_text("1e1_0"), Some(1e10));
        assert_eq!(parse_float_text("-iNF"), Some(f64::NEG_INFINITY));
        assert!(parse_float_text("nan").is_some_and(f64::is_nan));
        assert_eq!(parse_float_text(".5"), Some(0.5));
        assert_eq!(parse_float_text("5."), Some(5.0));
        for bad in ["x", "", ".", "1e", "0x10", "1__0", "_1", "1_", "1_.5", "in f"] {
            assert_eq!(parse_float_text(bad), None, "{bad}");
        }
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(-1.0), -2);
        assert_eq!(hash_f64(0.1), 230584300921369408);
        assert_eq!(hash_f64(1e300), 1224995262755759164);
        assert_eq!(hash_f64(f64::NEG_INFINITY), -314159);
    }

    #[test]
    fn rounding() {
        assert_eq!(round_f64(2.675, 2), Some(2.67));
        assert_eq!(round_f64(0.125, 2), Some(0.12));
        assert_eq!(round_f64(12.5, -1), Some(10.0));
        assert_eq!(round_f64(15.0, -1), Some(20.0));
        assert_eq!(round_f64(15.1, -1), Some(20.0));
        assert!(round_f64(-4.0, -1).is_some_and(|v| v == 0.0 && v.is_sign_negative()));
        assert_eq!(round_f64(1e300, -300), Some(1e300));
        assert_eq!(round_f64(1.7e308, -308), None);
    }

    #[test]
    fn divmod_semantics() {
        assert_eq!(float_divmod_values(-7.5, 2.0), (-4.0, 0.5));
        assert_eq!(float_divmod_values(5.5, -2.0), (-3.0, -0.5));
        assert_eq!(float_mod_values(-3.0, f64::INFINITY), f64::INFINITY);
        assert!(float_mod_values(0.0, -3.0).is_sign_negative());
    }

    #[test]
    fn exact_int_float_compare() {
        let big = IntValue::from_big((BigInt::from(1) << 53) + 1);
        assert_eq!(cmp_int_float(&big, 2f64.powi(53)), Some(Ordering::Greater));
        assert_eq!(cmp_int_float(&IntValue::Small(1), 1.5), Some(Ordering::Less));
        assert_eq!(cmp_int_float(&IntValue::Small(1), f64::NAN), None);
        assert_eq!(ldexp(1.0, -1074), 5e-324);
        assert_eq!(ldexp(0.75, -1074), 5e-324);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(float_ratio(1.5), (BigInt::from(3), BigInt::from(2)));
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_hex(0.1), "0x1.999999999999ap-4");
        for v in [1.5, 0.1, 5e-324, 1e308, -2.5e-310] {
            assert_eq!(parse_float_hex(&float_hex(v)), Ok(v));
        }
        assert_eq!(parse_float_hex(" 0x1p-1074 "), Ok(5e-324));
        assert_eq!(parse_float_hex("0x.8"), Ok(0.5));
        assert_eq!(parse_float_hex("1p10"), Ok(1024.0));
        assert_eq!(parse_float_hex("0x1p1024"), Err(true));
        assert_eq!(parse_float_hex("0x"), Err(false));
        assert_eq!(parse_float_hex("0x1.fffffffffffff8p0"), Ok(2.0));
    }

    #[test]
    fn complex_text() {
        assert_eq!(parse_complex_text("  (1+2j)  "), Some((1.0, 2.0)));
        assert_eq!(parse_complex_text("-1.5e3-2.5J"), Some((-1500.0, -2.5)));
        assert_eq!(parse_complex_text("1+j"), Some((1.0, 1.0)));
        assert_eq!(parse_complex_text("j"), Some((0.0, 1.0)));
        assert_eq!(parse_complex_text(" (1) "), Some((1.0, 0.0)));
        assert_eq!(parse_complex_text("1 + 2j"), None);
        assert_eq!(parse_complex_text("1e+5j"), Some((0.0, 1e5)));
    }

    #[test]
    fn complex_reprs() {
        let vm = crate::types::int::test_vm();
        let r = |re: f64, im: f64| vm.repr_string(&new_complex(&vm, re, im)).unwrap();
        assert_eq!(r(0.0, 1.0), "1j");
        assert_eq!(r(-0.0, -1.0), "(-0-1j)");
        assert_eq!(r(0.0, 0.0), "0j");
        assert_eq!(r(1.5, -0.0), "(1.5-0j)");
        assert_eq!(r(f64::INFINITY, f64::NAN), "(inf+nanj)");
        assert_eq!(r(1e16, 1e-5), "(1e+16+1e-05j)");
    }
}
