//! The `math` module: libm functions with CPython's error conventions
//! ("math domain error" / "math range error"), exact integer functions
//! (factorial, gcd, isqrt, comb, perm), `fsum` (exact summation with
//! Shewchuk's partials) and a compensated `hypot`/`dist`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::PyRef;
use crate::ops::BinOp;
use crate::types::float::{as_f64, float_of, float_to_int, frexp, ldexp};
use crate::types::int::{big_truediv, bind_args, int_of, IntValue};
use crate::types::module::{module_dict, new_module};
use crate::types::typeobj::{FuncArgs, NativeFn};
use crate::vm::Vm;
use crate::{PyErr, PyResult};

fn domain_error(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// The single argument of a `METH_O` function.
fn one_arg<'a>(vm: &Vm, args: &FuncArgs<'a>, name: &str) -> PyResult<&'a PyRef> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("math.{name}() takes no keyword arguments")));
    }
    match args.args {
        [x] => Ok(x),
        a => Err(vm.type_error(format!("math.{name}() takes exactly one argument ({} given)", a.len()))),
    }
}

/// The two arguments of a fast-call function (`pow`, `atan2` …).
fn two<'a>(vm: &Vm, args: &FuncArgs<'a>, name: &str) -> PyResult<(&'a PyRef, &'a PyRef)> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    match args.args {
        [x, y] => Ok((x, y)),
        a => Err(vm.type_error(format!("{name} expected 2 arguments, got {}", a.len()))),
    }
}

/// Apply a libm function with CPython's `math_1` error checks.
fn math_1(vm: &Vm, x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(vm) } else { domain_error(vm) });
    }
    Ok(vm.new_float(r))
}

macro_rules! math1 {
    ($($fname:ident $name:literal $f:expr, $ovf:expr);* $(;)?) => {
        $(fn $fname(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
            let x = as_f64(vm, one_arg(vm, &args, $name)?)?;
            math_1(vm, x, $f, $ovf)
        })*
    };
}

math1!(
    m_acos "acos" f64::acos, false;
    m_acosh "acosh" f64::acosh, false;
    m_asin "asin" f64::asin, false;
    m_asinh "asinh" f64::asinh, false;
    m_atan "atan" f64::atan, false;
    m_atanh "atanh" f64::atanh, false;
    m_cbrt "cbrt" f64::cbrt, false;
    m_cos "cos" f64::cos, false;
    m_cosh "cosh" f64::cosh, true;
    m_exp "exp" f64::exp, true;
    m_exp2 "exp2" f64::exp2, true;
    m_expm1 "expm1" f64::exp_m1, true;
    m_fabs "fabs" f64::abs, false;
    m_log1p "log1p" f64::ln_1p, false;
    m_sin "sin" f64::sin, false;
    m_sinh "sinh" f64::sinh, true;
    m_sqrt "sqrt" f64::sqrt, false;
    m_tan "tan" f64::tan, false;
    m_tanh "tanh" f64::tanh, false;
);

// SAFETY: these libm functions take and return plain doubles, touch no
// memory the caller owns, and are defined for every input (they report
// domain problems through their return value).
unsafe extern "C" {
    safe fn erf(x: f64) -> f64;
    safe fn erfc(x: f64) -> f64;
    safe fn remainder(x: f64, y: f64) -> f64;
}

math1!(
    m_erf "erf" |x| erf(x), false;
    m_erfc "erfc" |x| erfc(x), false;
);

// ----- gamma functions: Lanczos approximation (g = 6.0246800407767296,
// 13 terms, the "lanczos13m53" coefficients), as CPython evaluates it -----

const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_G_MINUS_HALF: f64 = 5.52468004077673;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];
/// Coefficients of x(x+1)...(x+11), lowest degree first.
const LANCZOS_DEN: [f64; 13] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0,
    32670.0, 1925.0, 66.0, 1.0,
];

/// The Lanczos rational sum for x > 0 (Horner in x for small x, in 1/x otherwise).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), accurate near the integers.
fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i64 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// Gamma of x; `Err(true)` for a range error, `Err(false)` for a domain error.
fn gamma_value(x: f64) -> Result<f64, bool> {
    use std::f64::consts::PI;
    if !x.is_finite() {
        return if x == f64::NEG_INFINITY { Err(false) } else { Ok(x) };
    }
    if x == 0.0 {
        return Err(false);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(false);
        }
        if x <= 23.0 {
            return Ok(range_product(1, x as u64).to_f64().unwrap_or(f64::INFINITY));
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(true) } else { Ok(r) };
    }
    if absx > 200.0 {
        return if x < 0.0 { Ok(0.0 / sinpi(x)) } else { Err(true) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(true);
    }
    Ok(r)
}

/// log|Gamma(x)|; `Err(true)` for a range error, `Err(false)` for a domain error.
fn lgamma_value(x: f64) -> Result<f64, bool> {
    use std::f64::consts::PI;
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(false) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = PI.ln() - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(true);
    }
    Ok(r)
}

fn gamma_result(vm: &Vm, r: Result<f64, bool>) -> PyResult {
    match r {
        Ok(v) => Ok(vm.new_float(v)),
        Err(true) => Err(range_error(vm)),
        Err(false) => Err(domain_error(vm)),
    }
}

fn m_gamma(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = as_f64(vm, one_arg(vm, &args, "gamma")?)?;
    gamma_result(vm, gamma_value(x))
}

fn m_lgamma(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = as_f64(vm, one_arg(vm, &args, "lgamma")?)?;
    gamma_result(vm, lgamma_value(x))
}

fn m_remainder(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (a, b) = two(vm, &args, "remainder")?;
    let (x, y) = (as_f64(vm, a)?, as_f64(vm, b)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = remainder(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(vm.new_float(r))
}

// ----- logarithms -----

/// `func(x)` for a real or arbitrarily large int argument, with CPython's
/// domain checks (`x <= 0` is an error).
fn log_helper(vm: &Vm, x: &PyRef, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = int_of(x) {
        if i.value.is_negative() || i.value.is_zero() {
            return Err(domain_error(vm));
        }
        if let IntValue::Big(b) = &i.value {
            if b.to_f64().is_none_or(f64::is_infinite) {
                // x = m * 2**e with m in [0.5, 1).
                let e = b.bits();
                let m = big_truediv(b, &(BigInt::one() << e as usize)).unwrap_or(1.0);
                return Ok(func(m) + func(2.0) * e as f64);
            }
        }
    }
    let v = as_f64(vm, x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v <= 0.0 || v == f64::NEG_INFINITY {
        return Err(domain_error(vm));
    }
    Ok(func(v))
}

fn m_log(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("math.log() takes no keyword arguments"));
    }
    let (x, base) = match args.args {
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        _ => return Err(vm.type_error("math.log requires 1 to 2 arguments")),
    };
    let num = log_helper(vm, x, f64::ln)?;
    let Some(b) = base else { return Ok(vm.new_float(num)) };
    let den = log_helper(vm, b, f64::ln)?;
    if den == 0.0 {
        return Err(vm.zero_division_error("float division by zero"));
    }
    Ok(vm.new_float(num / den))
}

fn m_log2(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = one_arg(vm, &args, "log2")?;
    Ok(vm.new_float(log_helper(vm, x, f64::log2)?))
}

fn m_log10(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = one_arg(vm, &args, "log10")?;
    Ok(vm.new_float(log_helper(vm, x, f64::log10)?))
}

// ----- two-argument float functions -----

fn m_pow(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (a, b) = two(vm, &args, "pow")?;
    let (x, y) = (as_f64(vm, a)?, as_f64(vm, b)?);
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0) == (x.abs() > 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(vm.new_float(r));
    }
    let r = x.powf(y);
    if r.is_nan() || (r.is_infinite() && x == 0.0) {
        return Err(domain_error(vm));
    }
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(vm.new_float(r))
}

fn m_atan2(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (a, b) = two(vm, &args, "atan2")?;
    Ok(vm.new_float(as_f64(vm, a)?.atan2(as_f64(vm, b)?)))
}

fn m_copysign(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (a, b) = two(vm, &args, "copysign")?;
    Ok(vm.new_float(as_f64(vm, a)?.copysign(as_f64(vm, b)?)))
}

fn m_fmod(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (a, b) = two(vm, &args, "fmod")?;
    let (x, y) = (as_f64(vm, a)?, as_f64(vm, b)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(vm.new_float(r))
}

fn m_modf(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = as_f64(vm, one_arg(vm, &args, "modf")?)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(vm.new_tuple(vec![vm.new_float(frac), vm.new_float(int)]))
}

fn m_frexp(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = as_f64(vm, one_arg(vm, &args, "frexp")?)?;
    let (m, e) = frexp(x);
    Ok(vm.new_tuple(vec![vm.new_float(m), vm.new_int(i64::from(e))]))
}

fn m_ldexp(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (a, b) = two(vm, &args, "ldexp")?;
    let x = as_f64(vm, a)?;
    let Some(i) = int_of(b) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let e = match &i.value {
        IntValue::Small(v) => *v,
        IntValue::Big(b) if b.is_negative() => i64::MIN,
        IntValue::Big(_) => i64::MAX,
    };
    let r = ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    Ok(vm.new_float(r))
}

fn m_degrees(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = as_f64(vm, one_arg(vm, &args, "degrees")?)?;
    Ok(vm.new_float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = as_f64(vm, one_arg(vm, &args, "radians")?)?;
    Ok(vm.new_float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_bool(as_f64(vm, one_arg(vm, &args, "isfinite")?)?.is_finite()))
}
fn m_isinf(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_bool(as_f64(vm, one_arg(vm, &args, "isinf")?)?.is_infinite()))
}
fn m_isnan(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    Ok(vm.new_bool(as_f64(vm, one_arg(vm, &args, "isnan")?)?.is_nan()))
}

fn m_nextafter(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (a, b) = two(vm, &args, "nextafter")?;
    let (x, y) = (as_f64(vm, a)?, as_f64(vm, b)?);
    Ok(vm.new_float(nextafter(x, y)))
}

/// The next float after `x` toward `y`.
fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_ulp(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = as_f64(vm, one_arg(vm, &args, "ulp")?)?.abs();
    if !x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let next = nextafter(x, f64::INFINITY);
    if next.is_infinite() {
        return Ok(vm.new_float(x - nextafter(x, 0.0)));
    }
    Ok(vm.new_float(next - x))
}

// ----- rounding to ints -----

/// The value of an exact `float` (subclasses may override `__floor__` etc.).
fn exact_float(vm: &Vm, x: &PyRef) -> Option<f64> {
    if std::ptr::eq(x.ty(), &*vm.types.float) {
        float_of(x)
    } else {
        None
    }
}

fn m_floor(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = one_arg(vm, &args, "floor")?;
    if let Some(v) = exact_float(vm, x) {
        return float_to_int(vm, v.floor());
    }
    if let Some(r) = vm.call_special(x, "__floor__", &[])? {
        return Ok(r);
    }
    float_to_int(vm, as_f64(vm, x)?.floor())
}

fn m_ceil(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = one_arg(vm, &args, "ceil")?;
    if let Some(v) = exact_float(vm, x) {
        return float_to_int(vm, v.ceil());
    }
    if let Some(r) = vm.call_special(x, "__ceil__", &[])? {
        return Ok(r);
    }
    float_to_int(vm, as_f64(vm, x)?.ceil())
}

fn m_trunc(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = one_arg(vm, &args, "trunc")?;
    if let Some(v) = exact_float(vm, x) {
        return float_to_int(vm, v);
    }
    match vm.call_special(x, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("type {} doesn't define __trunc__ method", x.ty().name()))),
    }
}

// ----- integer functions -----

/// `operator.index(o)` as a big integer.
fn index_big(vm: &Vm, o: &PyRef) -> PyResult<BigInt> {
    let i = vm.index(o)?;
    Ok(int_of(&i).map_or_else(BigInt::zero, |v| v.value.to_big().into_owned()))
}

/// Product of the integers in `lo..hi` by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for k in lo..hi {
            match small.checked_mul(k) {
                Some(v) => small = v,
                None => {
                    acc *= small;
                    small = k;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn m_factorial(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let x = one_arg(vm, &args, "factorial")?;
    let n = index_big(vm, x)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= i64::MAX as u64) else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    Ok(vm.new_bigint(range_product(2, n.saturating_add(1))))
}

fn varargs_ints(vm: &Vm, args: &FuncArgs<'_>, name: &str) -> PyResult<Vec<BigInt>> {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    args.args.iter().map(|a| index_big(vm, a)).collect()
}

fn m_gcd(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    if let [a, b] = args.args {
        if let (Some(x), Some(y)) = (vm.small_int_of(a), vm.small_int_of(b)) {
            let g = x.unsigned_abs().gcd(&y.unsigned_abs());
            if let Ok(g) = i64::try_from(g) {
                return Ok(vm.new_int(g));
            }
        }
    }
    let vals = varargs_ints(vm, &args, "gcd")?;
    let g = vals.iter().fold(BigInt::zero(), |acc, v| acc.gcd(v));
    Ok(vm.new_bigint(g))
}

fn m_lcm(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let vals = varargs_ints(vm, &args, "lcm")?;
    let mut acc = BigInt::one();
    for v in &vals {
        if v.is_zero() {
            return Ok(vm.new_int(0));
        }
        acc = acc.lcm(v);
    }
    Ok(vm.new_bigint(acc))
}

fn m_isqrt(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let n = index_big(vm, one_arg(vm, &args, "isqrt")?)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

/// `n` and `k` of comb/perm, validated non-negative.
fn n_k(vm: &Vm, n: &PyRef, k: &PyRef) -> PyResult<(BigInt, BigInt)> {
    let n = index_big(vm, n)?;
    let k = index_big(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn k_limit(vm: &Vm, k: &BigInt, what: &str) -> PyResult<u64> {
    k.to_u64()
        .filter(|k| *k <= i64::MAX as u64)
        .ok_or_else(|| vm.overflow_error(format!("{what} must not exceed 9223372036854775807")))
}

fn m_comb(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (a, b) = two(vm, &args, "comb")?;
    let (n, k) = n_k(vm, a, b)?;
    if k > n {
        return Ok(vm.new_int(0));
    }
    let nk = &n - &k;
    let k = if nk < k { nk } else { k };
    let k = k_limit(vm, &k, "min(n - k, k)")?;
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(vm.new_bigint(acc))
}

fn m_perm(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("perm() takes no keyword arguments"));
    }
    let (n, k) = match args.args {
        [n] => {
            let nb = index_big(vm, n)?;
            if nb.is_negative() {
                return Err(vm.value_error("n must be a non-negative integer"));
            }
            (nb.clone(), nb)
        }
        [n, k] if vm.is_none(k) => {
            let nb = index_big(vm, n)?;
            (nb.clone(), nb)
        }
        [n, k] => n_k(vm, n, k)?,
        a => return Err(vm.type_error(format!("perm expected at most 2 arguments, got {}", a.len()))),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.new_int(0));
    }
    let k = k_limit(vm, &k, "k")?;
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - i;
    }
    Ok(vm.new_bigint(acc))
}

// ----- comparisons -----

fn m_isclose(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    if pos.len() > 2 {
        return Err(vm.type_error(format!("isclose() takes exactly 2 positional arguments ({} given)", pos.len())));
    }
    let [a, b, rel, abs] = bind_args(vm, "isclose", pos, &args, ["a", "b", "rel_tol", "abs_tol"], 0, 2)?;
    let a = as_f64(vm, a.unwrap_or(&vm.none))?;
    let b = as_f64(vm, b.unwrap_or(&vm.none))?;
    let rel = rel.map_or(Ok(1e-9), |r| as_f64(vm, r))?;
    let abs = abs.map_or(Ok(0.0), |r| as_f64(vm, r))?;
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(vm.new_bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(vm.new_bool(false));
    }
    let diff = (b - a).abs();
    Ok(vm.new_bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs))
}

// ----- sums and products -----

fn m_prod(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({} given)", pos.len())));
    }
    let [it, start] = bind_args(vm, "prod", pos, &args, ["iterable", "start"], 1, 1)?;
    let mut acc = start.cloned().unwrap_or_else(|| vm.new_int(1));
    let iter = vm.iter(it.unwrap_or(&vm.none))?;
    while let Some(x) = vm.next(&iter)? {
        acc = vm.binary_op(&acc, &x, BinOp::Mul)?;
    }
    Ok(acc)
}

/// Exact sum of floats (Shewchuk's non-overlapping partials), correctly rounded.
pub fn fsum_values(vm: &Vm, values: impl IntoIterator<Item = PyResult<f64>>) -> PyResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for v in values {
        let mut x = v?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(special);
    }
    Ok(round_partials(&partials))
}

/// Sum the partials from the top, correcting the final half-way case.
fn round_partials(p: &[f64]) -> f64 {
    let Some((&last, rest)) = p.split_last() else { return 0.0 };
    let mut hi = last;
    let mut lo = 0.0;
    let mut n = rest.len();
    while n > 0 {
        let x = hi;
        let y = p[n - 1];
        n -= 1;
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        if y == x - hi {
            hi = x;
        }
    }
    hi
}

fn m_fsum(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let it = one_arg(vm, &args, "fsum")?;
    let items = vm.collect(it)?;
    let r = fsum_values(vm, items.iter().map(|x| as_f64(vm, x)))?;
    Ok(vm.new_float(r))
}

/// Euclidean norm with compensated accumulation of exact squares and a
/// final correction step (accurate to within an ulp, usually correctly rounded).
fn vector_norm(v: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut has_nan = false;
    for x in v {
        if x.is_infinite() {
            return f64::INFINITY;
        }
        has_nan |= x.is_nan();
        max = max.max(x.abs());
    }
    if has_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() == 1 {
        return max;
    }
    let (_, e) = frexp(max);
    let (mut hi, mut lo) = (0.0f64, 0.0f64);
    for &x in v {
        let s = ldexp(x, -i64::from(e));
        let sq = s * s;
        let err = s.mul_add(s, -sq);
        let t = hi + sq;
        lo += if hi.abs() >= sq.abs() { (hi - t) + sq } else { (sq - t) + hi };
        lo += err;
        hi = t;
    }
    let total = hi + lo;
    let rem = (hi - total) + lo;
    let mut h = total.sqrt();
    let resid = (-h).mul_add(h, total) + rem;
    h += resid / (2.0 * h);
    ldexp(h, i64::from(e))
}

fn floats_of(vm: &Vm, items: &[PyRef]) -> PyResult<Vec<f64>> {
    items.iter().map(|x| as_f64(vm, x)).collect()
}

fn m_hypot(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("hypot() takes no keyword arguments"));
    }
    let v = floats_of(vm, args.args)?;
    Ok(vm.new_float(vector_norm(&v)))
}

fn m_dist(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (p, q) = two(vm, &args, "dist")?;
    let p = vm.collect(p)?;
    let q = vm.collect(q)?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let p = floats_of(vm, &p)?;
    let q = floats_of(vm, &q)?;
    let d: Vec<f64> = p.iter().zip(&q).map(|(a, b)| (a - b).abs()).collect();
    Ok(vm.new_float(vector_norm(&d)))
}

/// Build the `math` module object.
pub fn make_module(vm: &Vm) -> PyResult {
    let m = new_module(vm, "math");
    let d = module_dict(&m);
    let funcs: &[(&'static str, NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ];
    for (name, f) in funcs {
        vm.dict_set_str(d, name, vm.new_builtin_function(name, *f, Some("math")));
    }
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, v) in consts {
        vm.dict_set_str(d, name, vm.new_float(v));
    }
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(vm: &Vm, name: &str, args: &[PyRef]) -> PyResult {
        let m = make_module(vm).unwrap();
        let f = vm.dict_get_str(module_dict(&m), name).unwrap();
        vm.call_pos(&f, args)
    }

    #[test]
    fn fsum_exact() {
        let vm = crate::types::int::test_vm();
        let vals = [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50];
        assert_eq!(fsum_values(&vm, vals.iter().map(|v| Ok(*v))).unwrap(), 1e-100);
        assert_eq!(fsum_values(&vm, std::iter::repeat_n(Ok(0.1), 10)).unwrap(), 1.0);
        assert!(fsum_values(&vm, [Ok(1e308), Ok(1e308)]).is_err());
        assert!(fsum_values(&vm, [Ok(f64::INFINITY), Ok(f64::NEG_INFINITY)]).is_err());
    }

    #[test]
    fn gamma_matches_cpython() {
        assert_eq!(gamma_value(0.5), Ok(1.7724538509055159));
        assert_eq!(gamma_value(5.0), Ok(24.0));
        assert_eq!(gamma_value(0.0), Err(false));
        assert_eq!(gamma_value(200.0), Err(true));
        assert_eq!(lgamma_value(5.0), Ok(3.178053830347945));
        assert_eq!(lgamma_value(1.5), Ok(-0.12078223763524543));
        assert_eq!(lgamma_value(-1.0), Err(false));
    }

    #[test]
    fn norms() {
        assert_eq!(vector_norm(&[3.0, 4.0]), 5.0);
        assert_eq!(vector_norm(&[3.0, 4.0, 12.0]), 13.0);
        assert_eq!(vector_norm(&[1e308, 1e308]), 1.4142135623730951e+308);
        assert_eq!(vector_norm(&[]), 0.0);
    }

    #[test]
    fn integer_functions() {
        let vm = crate::types::int::test_vm();
        let r = call(&vm, "factorial", &[vm.new_int(30)]).unwrap();
        assert_eq!(vm.repr_string(&r).unwrap(), "265252859812191058636308480000000");
        let r = call(&vm, "gcd", &[vm.new_int(12), vm.new_int(18), vm.new_int(27)]).unwrap();
        assert_eq!(vm.small_int_of(&r), Some(3));
        let r = call(&vm, "comb", &[vm.new_int(5), vm.new_int(2)]).unwrap();
        assert_eq!(vm.small_int_of(&r), Some(10));
        let r = call(&vm, "perm", &[vm.new_int(5)]).unwrap();
        assert_eq!(vm.small_int_of(&r), Some(120));
        let r = call(&vm, "isqrt", &[vm.new_int(10)]).unwrap();
        assert_eq!(vm.small_int_of(&r), Some(3));
        let e = call(&vm, "factorial", &[vm.new_int(-1)]).unwrap_err();
        assert_eq!(vm.str_string(&e.0).unwrap(), "factorial() not defined for negative values");
    }

    #[test]
    fn float_functions() {
        let vm = crate::types::int::test_vm();
        let e = call(&vm, "sqrt", &[vm.new_int(-1)]).unwrap_err();
        assert_eq!(vm.str_string(&e.0).unwrap(), "math domain error");
        let e = call(&vm, "exp", &[vm.new_int(1000)]).unwrap_err();
        assert_eq!(vm.str_string(&e.0).unwrap(), "math range error");
        let r = call(&vm, "log", &[vm.new_int(8), vm.new_int(2)]).unwrap();
        assert_eq!(float_of(&r), Some(3.0));
        let big = vm.new_bigint(num_traits::Pow::pow(BigInt::from(10), 400u32));
        let r = call(&vm, "log", &[big]).unwrap();
        assert_eq!(float_of(&r), Some(921.0340371976182));
        let r = call(&vm, "floor", &[vm.new_float(-1.5)]).unwrap();
        assert_eq!(vm.small_int_of(&r), Some(-2));
        let e = call(&vm, "pow", &[vm.new_int(0), vm.new_int(-1)]).unwrap_err();
        assert_eq!(vm.str_string(&e.0).unwrap(), "math domain error");
    }
}
