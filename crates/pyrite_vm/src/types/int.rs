//! `int` (and the payload `bool` shares): arbitrary precision with a
//! machine-word fast path.
//!
//! Every operation first tries the `Small` × `Small` case with checked
//! machine arithmetic and only falls back to [`BigInt`] on overflow or when an
//! operand is already big. Results are normalised by [`Vm::new_bigint`], so the
//! invariant "`Big` never fits in an `i64`" holds everywhere.

use std::borrow::Cow;
use std::cell::Cell;
use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::{alloc_object, ObjHeader, PyRef};
use crate::types::bytes::{ByteArrayObj, BytesObj};
use crate::types::typeobj::{CmpOp, FuncArgs, Layout, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

/// An int's value: a machine word when it fits, else a big integer.
/// Invariant: `Big` never holds a value that fits in an `i64`.
#[derive(Clone, Debug)]
pub enum IntValue {
    /// Fits in 64 bits.
    Small(i64),
    /// Does not fit in 64 bits.
    Big(Box<BigInt>),
}

/// `int` and `bool` instances.
#[repr(C)]
pub struct IntObj {
    /// Header.
    pub ob: ObjHeader,
    /// The value (immutable).
    pub value: IntValue,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for IntObj {
    const LAYOUT: Layout = Layout::Int;
}

impl IntValue {
    /// The value as a big integer (borrowed when it already is one).
    pub fn to_big(&self) -> Cow<'_, BigInt> {
        match self {
            IntValue::Small(v) => Cow::Owned(BigInt::from(*v)),
            IntValue::Big(b) => Cow::Borrowed(b),
        }
    }
    /// Whether the value is zero.
    pub fn is_zero(&self) -> bool {
        matches!(self, IntValue::Small(0))
    }
    /// Whether the value is negative.
    pub fn is_negative(&self) -> bool {
        match self {
            IntValue::Small(v) => *v < 0,
            IntValue::Big(b) => b.is_negative(),
        }
    }
    /// Normalise a big integer into the canonical representation.
    pub fn from_big(b: BigInt) -> IntValue {
        match i64::try_from(&b) {
            Ok(v) => IntValue::Small(v),
            Err(_) => IntValue::Big(Box::new(b)),
        }
    }
}

/// The value of an int as a [`BigInt`].
pub fn int_to_bigint(v: &IntObj) -> BigInt {
    v.value.to_big().into_owned()
}

/// The int payload of `o` (ints, bools and int subclasses).
#[inline(always)]
pub fn int_of(o: &PyRef) -> Option<&IntObj> {
    o.downcast::<IntObj>()
}

/// The value of an int object (`__index__` for other objects) as an `i64`;
/// OverflowError "Python int too large to convert to C ssize_t" when it doesn't fit.
pub fn as_i64(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    vm.index_i64(o)
}

/// Like [`as_i64`], for `isize` (Py_ssize_t) arguments.
pub fn as_isize(vm: &Vm, o: &PyRef) -> PyResult<isize> {
    let v = vm.index_i64(o)?;
    isize::try_from(v).map_err(|_| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// `float(int)`: correctly rounded; OverflowError when out of range.
pub fn int_to_f64(vm: &Vm, v: &IntValue) -> PyResult<f64> {
    match v {
        IntValue::Small(x) => Ok(*x as f64),
        IntValue::Big(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        },
    }
}

// ----- int <-> str conversion limit (sys.set_int_max_str_digits) -----

/// CPython's default `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// The smallest non-zero limit accepted (`sys.int_info.str_digits_check_threshold`).
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

thread_local! {
    static MAX_STR_DIGITS: Cell<usize> = const { Cell::new(DEFAULT_MAX_STR_DIGITS) };
}

/// `sys.get_int_max_str_digits()` (0 means unlimited).
pub fn int_max_str_digits() -> usize {
    MAX_STR_DIGITS.with(Cell::get)
}

/// `sys.set_int_max_str_digits(n)`; the caller validates `n` (0 or >= 640).
pub fn set_int_max_str_digits(n: usize) {
    MAX_STR_DIGITS.with(|c| c.set(n));
}

fn str_limit_error(vm: &Vm) -> crate::PyErr {
    vm.value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
        int_max_str_digits()
    ))
}

/// The decimal text of an int, enforcing the int-to-str digit limit.
pub fn int_to_decimal(vm: &Vm, v: &IntValue) -> PyResult<String> {
    match v {
        IntValue::Small(x) => Ok(x.to_string()),
        IntValue::Big(b) => {
            let limit = int_max_str_digits();
            // Cheap pre-check: bits * log10(2) digits, with slack.
            if limit > 0 && b.bits() / 4 > limit as u64 + 2 {
                return Err(str_limit_error(vm));
            }
            let s = b.to_string();
            let ndigits = s.len() - usize::from(b.is_negative());
            if limit > 0 && ndigits > limit {
                return Err(str_limit_error(vm));
            }
            Ok(s)
        }
    }
}

// ----- construction -----

/// A new int object of exact type `int` from a value.
pub fn new_int_value(vm: &Vm, v: IntValue) -> PyRef {
    match v {
        IntValue::Small(x) => vm.new_int(x),
        IntValue::Big(b) => vm.new_bigint(*b),
    }
}

/// An instance of `cls` (int or a subclass of int) holding `v` (an int object).
fn int_of_class(vm: &Vm, cls: &PyRef, v: PyRef) -> PyResult {
    if cls.is(vm.types.int.as_ref()) {
        return Ok(v);
    }
    let ty = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("int.__new__(X): X is not a type object"))?;
    if ty.layout != Layout::Int {
        return Err(vm.type_error(format!("int.__new__({}): {} is not a subtype of int", ty.name(), ty.name())));
    }
    let value = int_of(&v).map(|i| i.value.clone()).unwrap_or(IntValue::Small(0));
    Ok(alloc_object(&ty, |ob| IntObj { ob, value }))
}

/// The same value as an object of exact type `int`.
pub fn exact_int(vm: &Vm, o: &PyRef) -> PyRef {
    if std::ptr::eq(o.ty(), &*vm.types.int) {
        return o.clone();
    }
    match int_of(o) {
        Some(i) => new_int_value(vm, i.value.clone()),
        None => vm.new_int(0),
    }
}

// ----- argument binding shared by the number modules -----

/// Bind `pos` and the keywords of `args` to parameters `names`; the first
/// `posonly` parameters are positional-only and the first `required` must be
/// present. Messages follow CPython's argument clinic.
pub(crate) fn bind_args<'a, const N: usize>(
    vm: &Vm,
    fname: &str,
    pos: &'a [PyRef],
    args: &FuncArgs<'a>,
    names: [&str; N],
    posonly: usize,
    required: usize,
) -> PyResult<[Option<&'a PyRef>; N]> {
    let mut out: [Option<&'a PyRef>; N] = [None; N];
    if pos.len() > N {
        return Err(vm.type_error(format!("{fname}() takes at most {N} argument{} ({} given)", plural(N), pos.len())));
    }
    for (slot, p) in out.iter_mut().zip(pos) {
        *slot = Some(p);
    }
    for (k, v) in args.keywords() {
        let key = vm.str_of(k).unwrap_or("");
        match names.iter().position(|n| *n == key) {
            Some(i) if i >= posonly => {
                if out[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {fname}() given by name ('{key}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v);
            }
            _ => return Err(vm.type_error(format!("'{key}' is an invalid keyword argument for {fname}()"))),
        }
    }
    for (i, name) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(vm.type_error(format!("{fname}() missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    Ok(out)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `self` and the single argument of a binary dunder method.
pub(crate) fn two_args<'a>(vm: &Vm, args: &FuncArgs<'a>, name: &str) -> PyResult<(&'a PyRef, &'a PyRef)> {
    let pos = args.positional();
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    match pos {
        [a, b] => Ok((a, b)),
        _ => Err(vm.type_error(format!(
            "expected 1 argument, got {}",
            pos.len().saturating_sub(1)
        ))),
    }
}

/// `self` of a method that takes no arguments.
pub(crate) fn self_only<'a>(vm: &Vm, args: &FuncArgs<'a>, name: &str) -> PyResult<&'a PyRef> {
    let pos = args.positional();
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    match pos {
        [a] => Ok(a),
        [] => Err(vm.type_error(format!("descriptor '{name}' needs an argument"))),
        _ => Err(vm.type_error(format!("{name}() takes no arguments ({} given)", pos.len() - 1))),
    }
}

/// Register `__op__`/`__rop__` methods that call a binary slot function, and
/// unary/compare dunders (so `super().__add__(x)` and `int.__add__` work).
macro_rules! binary_dunders {
    ($vm:expr, $ty:expr, $( $slot:path => $name:literal, $rname:literal );* $(;)?) => {{
        $(
            $vm.add_method($ty, $name, |vm, a| {
                let (x, y) = $crate::types::int::two_args(vm, &a, $name)?;
                $slot(vm, x, y)
            });
            $vm.add_method($ty, $rname, |vm, a| {
                let (x, y) = $crate::types::int::two_args(vm, &a, $rname)?;
                $slot(vm, y, x)
            });
        )*
    }};
}
pub(crate) use binary_dunders;

/// Register `__eq__` … `__ge__` methods calling a richcompare slot.
macro_rules! compare_dunders {
    ($vm:expr, $ty:expr, $slot:path) => {{
        use $crate::types::typeobj::CmpOp;
        $vm.add_method($ty, "__eq__", |vm, a| {
            let (x, y) = $crate::types::int::two_args(vm, &a, "__eq__")?;
            $slot(vm, x, y, CmpOp::Eq)
        });
        $vm.add_method($ty, "__ne__", |vm, a| {
            let (x, y) = $crate::types::int::two_args(vm, &a, "__ne__")?;
            $slot(vm, x, y, CmpOp::Ne)
        });
        $vm.add_method($ty, "__lt__", |vm, a| {
            let (x, y) = $crate::types::int::two_args(vm, &a, "__lt__")?;
            $slot(vm, x, y, CmpOp::Lt)
        });
        $vm.add_method($ty, "__le__", |vm, a| {
            let (x, y) = $crate::types::int::two_args(vm, &a, "__le__")?;
            $slot(vm, x, y, CmpOp::Le)
        });
        $vm.add_method($ty, "__gt__", |vm, a| {
            let (x, y) = $crate::types::int::two_args(vm, &a, "__gt__")?;
            $slot(vm, x, y, CmpOp::Gt)
        });
        $vm.add_method($ty, "__ge__", |vm, a| {
            let (x, y) = $crate::types::int::two_args(vm, &a, "__ge__")?;
            $slot(vm, x, y, CmpOp::Ge)
        });
    }};
}
pub(crate) use compare_dunders;

/// Register no-argument dunders calling unary slot functions.
macro_rules! unary_dunders {
    ($vm:expr, $ty:expr, $( $slot:path => $name:literal );* $(;)?) => {{
        $(
            $vm.add_method($ty, $name, |vm, a| {
                let x = $crate::types::int::self_only(vm, &a, $name)?;
                $slot(vm, x)
            });
        )*
    }};
}
pub(crate) use unary_dunders;

// ----- hashing -----

/// The modulus of CPython's numeric hash (2**61 - 1).
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

fn fix_hash(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(int)`: the value reduced modulo 2**61 - 1, keeping the sign.
pub fn hash_int_value(v: &IntValue) -> i64 {
    let (neg, m) = match v {
        IntValue::Small(x) => (*x < 0, x.unsigned_abs() % HASH_MODULUS),
        IntValue::Big(b) => (b.is_negative(), (b.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0)),
    };
    let m = m as i64;
    fix_hash(if neg { -m } else { m })
}

fn int_hash(_vm: &Vm, o: &PyRef) -> PyResult<i64> {
    Ok(int_of(o).map_or(0, |i| hash_int_value(&i.value)))
}

// ----- repr, compare, bool -----

fn int_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let v = int_of(o).map_or(IntValue::Small(0), |i| i.value.clone());
    Ok(vm.new_string(int_to_decimal(vm, &v)?))
}

/// Total order of two int values.
pub fn cmp_int_values(a: &IntValue, b: &IntValue) -> Ordering {
    match (a, b) {
        (IntValue::Small(x), IntValue::Small(y)) => x.cmp(y),
        (IntValue::Small(_), IntValue::Big(y)) => {
            if y.is_negative() {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (IntValue::Big(x), IntValue::Small(_)) => {
            if x.is_negative() {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (IntValue::Big(x), IntValue::Big(y)) => x.cmp(y),
    }
}

/// Whether `ord` satisfies comparison `op`.
pub fn cmp_result(ord: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
    }
}

fn int_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else { return Ok(vm.not_implemented.clone()) };
    Ok(vm.new_bool(cmp_result(cmp_int_values(&x.value, &y.value), op)))
}

fn int_bool(_vm: &Vm, o: &PyRef) -> PyResult<bool> {
    Ok(int_of(o).is_some_and(|i| !i.value.is_zero()))
}

// ----- arithmetic -----

/// Apply a binary operation: the machine-word function first (None on
/// overflow), then the big-integer one.
#[inline(always)]
fn binop(
    vm: &Vm,
    a: &PyRef,
    b: &PyRef,
    small: impl FnOnce(i64, i64) -> Option<i64>,
    big: impl FnOnce(&BigInt, &BigInt) -> BigInt,
) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else { return Ok(vm.not_implemented.clone()) };
    if let (IntValue::Small(p), IntValue::Small(q)) = (&x.value, &y.value) {
        if let Some(r) = small(*p, *q) {
            return Ok(vm.new_int(r));
        }
    }
    Ok(vm.new_bigint(big(&x.value.to_big(), &y.value.to_big())))
}

fn int_add(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binop(vm, a, b, i64::checked_add, |x, y| x + y)
}
fn int_sub(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binop(vm, a, b, i64::checked_sub, |x, y| x - y)
}
fn int_mul(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binop(vm, a, b, i64::checked_mul, |x, y| x * y)
}
fn int_and(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binop(vm, a, b, |x, y| Some(x & y), |x, y| x & y)
}
fn int_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binop(vm, a, b, |x, y| Some(x | y), |x, y| x | y)
}
fn int_xor(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    binop(vm, a, b, |x, y| Some(x ^ y), |x, y| x ^ y)
}

/// Both operands as ints, with a zero check on the divisor.
fn div_operands<'a>(vm: &Vm, a: &'a PyRef, b: &'a PyRef, msg: &str) -> PyResult<Option<(&'a IntValue, &'a IntValue)>> {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else { return Ok(None) };
    if y.value.is_zero() {
        return Err(vm.zero_division_error(msg));
    }
    Ok(Some((&x.value, &y.value)))
}

fn small_floordiv(x: i64, y: i64) -> Option<i64> {
    if x == i64::MIN && y == -1 {
        None
    } else {
        Some(Integer::div_floor(&x, &y))
    }
}

fn int_floordiv(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((x, y)) = div_operands(vm, a, b, "integer division or modulo by zero")? else {
        return Ok(vm.not_implemented.clone());
    };
    if let (IntValue::Small(p), IntValue::Small(q)) = (x, y) {
        if let Some(r) = small_floordiv(*p, *q) {
            return Ok(vm.new_int(r));
        }
    }
    Ok(vm.new_bigint(x.to_big().div_floor(&y.to_big())))
}

fn int_rem(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((x, y)) = div_operands(vm, a, b, "integer modulo by zero")? else {
        return Ok(vm.not_implemented.clone());
    };
    if let (IntValue::Small(p), IntValue::Small(q)) = (x, y) {
        // i64::MIN mod -1 is 0; mod_floor on i64 handles it without overflow.
        return Ok(vm.new_int(if *q == -1 { 0 } else { p.mod_floor(q) }));
    }
    Ok(vm.new_bigint(x.to_big().mod_floor(&y.to_big())))
}

fn int_divmod(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((x, y)) = div_operands(vm, a, b, "integer division or modulo by zero")? else {
        return Ok(vm.not_implemented.clone());
    };
    if let (IntValue::Small(p), IntValue::Small(q)) = (x, y) {
        if let Some(d) = small_floordiv(*p, *q) {
            return Ok(vm.new_tuple(vec![vm.new_int(d), vm.new_int(p - d * q)]));
        }
    }
    let (d, m) = x.to_big().div_mod_floor(&y.to_big());
    Ok(vm.new_tuple(vec![vm.new_bigint(d), vm.new_bigint(m)]))
}

/// Largest integer magnitude whose conversion to f64 is exact.
const EXACT_F64: i64 = 1 << 53;

fn int_truediv(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((x, y)) = div_operands(vm, a, b, "division by zero")? else {
        return Ok(vm.not_implemented.clone());
    };
    if let (IntValue::Small(p), IntValue::Small(q)) = (x, y) {
        if p.unsigned_abs() <= EXACT_F64 as u64 && q.unsigned_abs() <= EXACT_F64 as u64 {
            return Ok(vm.new_float(*p as f64 / *q as f64));
        }
    }
    match big_truediv(&x.to_big(), &y.to_big()) {
        Some(f) => Ok(vm.new_float(f)),
        None => Err(vm.overflow_error("integer division result too large for a float")),
    }
}

/// Correctly rounded `a / b` for nonzero `b`; `None` when it overflows a float.
pub fn big_truediv(a: &BigInt, b: &BigInt) -> Option<f64> {
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.magnitude(), b.magnitude());
    if a.is_zero() {
        return Some(if neg { -0.0 } else { 0.0 });
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1025 {
        return None;
    }
    if diff < -1080 {
        return Some(if neg { -0.0 } else { 0.0 });
    }
    // q = floor(a / b * 2**-shift) has at least 55 significant bits, or its
    // last bit sits two places below the smallest subnormal.
    let shift = (diff - 55).max(-1076);
    let (num, den) = if shift < 0 {
        (a << (-shift) as usize, Cow::Borrowed(b))
    } else {
        (a.clone(), Cow::Owned(b << shift as usize))
    };
    let (q, r) = num.div_rem(&den);
    let sticky = !r.is_zero();
    // Keep 53 significant bits (fewer for subnormal results).
    let qbits = q.bits() as i64;
    let drop = (qbits - 53).max(-1074 - shift).max(0);
    let mut m = (&q >> drop as usize).to_u64().unwrap_or(0);
    if drop > 0 {
        let half = num_bigint::BigUint::one() << (drop - 1) as usize;
        let rest = &q & ((num_bigint::BigUint::one() << drop as usize) - 1u32);
        let above = rest > half || (rest == half && (sticky || m & 1 == 1));
        if above {
            m += 1;
        }
    }
    // `drop >= 2` always: q has 55 bits, or its last bit lies 2 places below
    // the subnormal unit. `m * 2**(shift + drop)` is representable or overflows.
    let f = crate::types::float::ldexp(m as f64, shift + drop);
    if f.is_infinite() {
        return None;
    }
    Some(if neg { -f } else { f })
}

// ----- power -----

fn int_pow(vm: &Vm, a: &PyRef, b: &PyRef, m: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else { return Ok(vm.not_implemented.clone()) };
    if vm.is_none(m) {
        return int_pow2(vm, &x.value, &y.value);
    }
    let Some(z) = int_of(m) else { return Ok(vm.not_implemented.clone()) };
    int_pow3(vm, &x.value, &y.value, &z.value)
}

fn int_pow2(vm: &Vm, x: &IntValue, y: &IntValue) -> PyResult {
    if y.is_negative() {
        let fx = int_to_f64(vm, x)?;
        let fy = int_to_f64(vm, y)?;
        return crate::types::float::float_pow_values(vm, fx, fy);
    }
    let (e, odd) = match y {
        IntValue::Small(e) => (*e as u64, e & 1 == 1),
        IntValue::Big(b) => (u64::MAX, b.bit(0)),
    };
    if let IntValue::Small(base) = x {
        match *base {
            0 => return Ok(vm.new_int(i64::from(e == 0))),
            1 => return Ok(vm.new_int(1)),
            -1 => return Ok(vm.new_int(if odd { -1 } else { 1 })),
            _ => {}
        }
        if let Ok(e32) = u32::try_from(e) {
            if let Some(r) = base.checked_pow(e32) {
                return Ok(vm.new_int(r));
            }
        }
    }
    let base = x.to_big();
    let bits = base.bits().saturating_mul(e);
    let Ok(e32) = u32::try_from(e) else {
        return Err(vm.new_exception(&vm.exc.memory_error, vec![]));
    };
    if bits > MAX_BITS_MEMORY {
        return Err(vm.new_exception(&vm.exc.memory_error, vec![]));
    }
    Ok(vm.new_bigint(num_traits::Pow::pow(base.as_ref(), e32)))
}

fn int_pow3(vm: &Vm, x: &IntValue, y: &IntValue, z: &IntValue) -> PyResult {
    if z.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = z.to_big();
    if modulus.abs().is_one() {
        return Ok(vm.new_int(0));
    }
    let mut base = x.to_big().into_owned();
    let mut exp = y.to_big().into_owned();
    if exp.is_negative() {
        let inv = base.mod_floor(&modulus.abs()).modinv(&modulus.abs());
        match inv {
            Some(i) => base = i,
            None => return Err(vm.value_error("base is not invertible for the given modulus")),
        }
        exp = -exp;
    }
    Ok(vm.new_bigint(base.modpow(&exp, &modulus)))
}

// ----- shifts -----

/// The shift count of `b`: Err for negative, `None` for counts that do not fit a usize.
fn shift_count(vm: &Vm, b: &IntValue) -> PyResult<Option<u64>> {
    if b.is_negative() {
        return Err(vm.value_error("negative shift count"));
    }
    Ok(match b {
        IntValue::Small(s) => Some(*s as u64),
        IntValue::Big(_) => None,
    })
}

fn int_lshift(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else { return Ok(vm.not_implemented.clone()) };
    let count = shift_count(vm, &y.value)?;
    if x.value.is_zero() {
        return Ok(vm.new_int(0));
    }
    let Some(s) = count else {
        return Err(vm.overflow_error("too many digits in integer"));
    };
    if let IntValue::Small(v) = x.value {
        if s < 63 {
            let r = v << s;
            if r >> s == v {
                return Ok(vm.new_int(r));
            }
        }
    }
    if s > MAX_BITS_MEMORY {
        return Err(vm.new_exception(&vm.exc.memory_error, vec![]));
    }
    Ok(vm.new_bigint(x.value.to_big().as_ref() << s as usize))
}

/// Results with more bits than this cannot be allocated (MemoryError).
const MAX_BITS_MEMORY: u64 = 1 << 37;

fn int_rshift(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let (Some(x), Some(y)) = (int_of(a), int_of(b)) else { return Ok(vm.not_implemented.clone()) };
    let count = shift_count(vm, &y.value)?;
    let neg = x.value.is_negative();
    let Some(s) = count.filter(|s| *s < u64::from(u32::MAX)) else {
        return Ok(vm.new_int(if neg { -1 } else { 0 }));
    };
    match &x.value {
        IntValue::Small(v) => Ok(vm.new_int(if s >= 64 { if neg { -1 } else { 0 } } else { v >> s })),
        IntValue::Big(v) => Ok(vm.new_bigint(v.as_ref() >> s as usize)),
    }
}

// ----- unary -----

fn int_neg(vm: &Vm, a: &PyRef) -> PyResult {
    match int_of(a).map(|i| &i.value) {
        Some(IntValue::Small(v)) => match v.checked_neg() {
            Some(r) => Ok(vm.new_int(r)),
            None => Ok(vm.new_bigint(-BigInt::from(*v))),
        },
        Some(IntValue::Big(b)) => Ok(vm.new_bigint(-b.as_ref())),
        None => Ok(vm.not_implemented.clone()),
    }
}

fn int_pos(vm: &Vm, a: &PyRef) -> PyResult {
    Ok(exact_int(vm, a))
}

fn int_abs(vm: &Vm, a: &PyRef) -> PyResult {
    if int_of(a).is_some_and(|i| i.value.is_negative()) {
        int_neg(vm, a)
    } else {
        Ok(exact_int(vm, a))
    }
}

fn int_invert(vm: &Vm, a: &PyRef) -> PyResult {
    match int_of(a).map(|i| &i.value) {
        Some(IntValue::Small(v)) => Ok(vm.new_int(!v)),
        Some(IntValue::Big(b)) => Ok(vm.new_bigint(-(b.as_ref() + BigInt::one()))),
        None => Ok(vm.not_implemented.clone()),
    }
}

fn int_float(vm: &Vm, a: &PyRef) -> PyResult {
    let v = int_of(a).map_or(IntValue::Small(0), |i| i.value.clone());
    Ok(vm.new_float(int_to_f64(vm, &v)?))
}

// ----- int(x), int(s, base) -----

fn int_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let [x, base] = bind_args(vm, "int", args.positional(), &args, ["x", "base"], 1, 0)?;
    let v = match (x, base) {
        (None, None) => vm.new_int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => int_from_object(vm, x)?,
        (Some(x), Some(b)) => {
            let base = vm.index_i64(b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match text_of_number_arg(x) {
                Some(t) => int_from_text(vm, x, &t, base as u32)?,
                None => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
    };
    int_of_class(vm, cls, v)
}

/// The text of a str, bytes or bytearray argument.
fn text_of_number_arg(x: &PyRef) -> Option<String> {
    if let Some(s) = x.downcast::<crate::types::str::StrObj>() {
        return Some(s.as_str().to_string());
    }
    if let Some(b) = x.downcast::<BytesObj>() {
        return Some(String::from_utf8_lossy(&b.value).into_owned());
    }
    if let Some(b) = x.downcast::<ByteArrayObj>() {
        // SAFETY: the bytearray's buffer is only read here, with no Python
        // code running while the borrow is alive.
        let v = unsafe { &*b.value.get() };
        return Some(String::from_utf8_lossy(v).into_owned());
    }
    None
}

/// `int(x)` for one argument: `__int__`, `__index__`, `__trunc__`, str/bytes.
pub fn int_from_object(vm: &Vm, x: &PyRef) -> PyResult {
    if std::ptr::eq(x.ty(), &*vm.types.int) {
        return Ok(x.clone());
    }
    let slots = x.ty().slots();
    if let Some(f) = slots.int {
        let r = f(vm, x)?;
        return checked_int_result(vm, r, "__int__");
    }
    if let Some(f) = slots.index {
        let r = f(vm, x)?;
        return checked_int_result(vm, r, "__index__");
    }
    if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
        if int_of(&r).is_some() {
            return Ok(exact_int(vm, &r));
        }
        if r.ty().slots().index.is_none() {
            return Err(vm.type_error(format!("__trunc__ returned non-Integral (type {})", r.ty().name())));
        }
        return vm.index(&r).map(|i| exact_int(vm, &i));
    }
    if let Some(t) = text_of_number_arg(x) {
        return int_from_text(vm, x, &t, 10);
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        x.ty().name()
    )))
}

fn checked_int_result(vm: &Vm, r: PyRef, what: &str) -> PyResult {
    if int_of(&r).is_none() {
        return Err(vm.type_error(format!("{what} returned non-int (type {})", r.ty().name())));
    }
    Ok(exact_int(vm, &r))
}

/// Why a string is not an int literal.
#[derive(Debug, PartialEq, Eq)]
pub enum IntParseError {
    /// Not a valid literal.
    Invalid,
    /// Exceeds the int max str digits limit (the number of digits).
    TooManyDigits(usize),
}

/// Parse the text of `int(s, base)` (`base` 0 or 2..=36): surrounding
/// whitespace, a sign, base prefixes and single underscores between digits.
pub fn parse_int_text(s: &str, base: u32) -> Result<IntValue, IntParseError> {
    let t = s.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (base, digits, after_prefix) = split_prefix(t, base);
    let radix = if base == 0 { 10 } else { base };
    // Like CPython, the digit limit applies to the leading run of digits
    // before the rest of the text is validated.
    let limit = int_max_str_digits();
    if limit > 0 && !radix.is_power_of_two() {
        let n = leading_digit_count(digits, radix);
        if n > limit {
            return Err(IntParseError::TooManyDigits(n));
        }
    }
    let clean = clean_digits(digits, after_prefix).ok_or(IntParseError::Invalid)?;
    if base == 0 {
        // Base 0 without prefix: decimal, and leading zeros only for zero.
        if clean.len() > 1 && clean.starts_with('0') && clean.bytes().any(|c| c != b'0') {
            return Err(IntParseError::Invalid);
        }
    }
    if !clean.bytes().all(|c| (c as char).is_digit(radix)) {
        return Err(IntParseError::Invalid);
    }
    let mag = parse_digits(&clean, radix);
    Ok(IntValue::from_big(if neg { -mag } else { mag }))
}

/// Number of digits in the leading run of valid digits and single underscores.
fn leading_digit_count(d: &str, radix: u32) -> usize {
    let mut n = 0;
    let mut prev_us = false;
    for c in d.chars() {
        if unicode_digit(c).is_some_and(|a| a.is_digit(radix)) {
            n += 1;
            prev_us = false;
        } else if c == '_' && !prev_us {
            prev_us = true;
        } else {
            break;
        }
    }
    n
}

/// Detect and strip a `0x`/`0o`/`0b` prefix allowed by `base`; returns the
/// effective base (0 = decimal without prefix), the digits, and whether a
/// prefix was stripped (an underscore may follow it).
fn split_prefix(t: &str, base: u32) -> (u32, &str, bool) {
    let b = t.as_bytes();
    if b.len() >= 2 && b[0] == b'0' {
        let pb = match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            return (pb, &t[2..], true);
        }
    }
    (base, t, false)
}

/// ASCII digits with underscores removed; `None` if underscores are
/// misplaced, the run is empty, or a non-ASCII non-digit appears. Unicode
/// decimal digits (e.g. fullwidth) are mapped to ASCII.
fn clean_digits(d: &str, after_prefix: bool) -> Option<String> {
    let mut out = String::with_capacity(d.len());
    let mut prev_us = !after_prefix;
    for c in d.chars() {
        if c == '_' {
            if prev_us {
                return None;
            }
            prev_us = true;
            continue;
        }
        prev_us = false;
        out.push(unicode_digit(c)?);
    }
    if prev_us || out.is_empty() {
        return None;
    }
    Some(out)
}

/// Map a character to the ASCII character it stands for in a number literal.
pub(crate) fn unicode_digit(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c);
    }
    // Fullwidth and other common decimal digit blocks (Unicode Nd ranges of ten).
    const ZEROS: [u32; 8] = [0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0x1D7CE, 0x0BE6];
    let cp = c as u32;
    ZEROS
        .iter()
        .find(|z| (**z..**z + 10).contains(&cp))
        .and_then(|z| char::from_digit(cp - z, 10))
}

fn parse_digits(clean: &str, radix: u32) -> BigInt {
    let mut acc: u64 = 0;
    let mut fits = true;
    for c in clean.bytes() {
        let d = u64::from((c as char).to_digit(radix).unwrap_or(0));
        match acc.checked_mul(u64::from(radix)).and_then(|v| v.checked_add(d)) {
            Some(v) => acc = v,
            None => {
                fits = false;
                break;
            }
        }
    }
    if fits {
        return BigInt::from(acc);
    }
    BigInt::parse_bytes(clean.as_bytes(), radix).unwrap_or_default()
}

/// `int(text, base)` with CPython's error messages; `orig` is the argument
/// object (its repr appears in the message).
fn int_from_text(vm: &Vm, orig: &PyRef, text: &str, base: u32) -> PyResult {
    match parse_int_text(text, base) {
        Ok(v) => Ok(new_int_value(vm, v)),
        Err(IntParseError::TooManyDigits(n)) => Err(vm.value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            int_max_str_digits(),
            n
        ))),
        Err(IntParseError::Invalid) => {
            let r = vm.repr_string(orig)?;
            let r: String = r.chars().take(200).collect();
            Err(vm.value_error(format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

// ----- methods -----

fn self_int<'a>(vm: &Vm, args: &FuncArgs<'a>, name: &str) -> PyResult<&'a IntObj> {
    match args.args.first().and_then(int_of) {
        Some(i) => Ok(i),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'int' object"))),
    }
}

fn m_bit_length(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    self_only(vm, &args, "bit_length")?;
    let i = self_int(vm, &args, "bit_length")?;
    Ok(vm.new_int(match &i.value {
        IntValue::Small(v) => i64::from(64 - v.unsigned_abs().leading_zeros()),
        IntValue::Big(b) => b.bits() as i64,
    }))
}

fn m_bit_count(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    self_only(vm, &args, "bit_count")?;
    let i = self_int(vm, &args, "bit_count")?;
    Ok(vm.new_int(match &i.value {
        IntValue::Small(v) => i64::from(v.unsigned_abs().count_ones()),
        IntValue::Big(b) => b.magnitude().count_ones() as i64,
    }))
}

/// Parse a `byteorder` argument: true for little-endian.
fn byteorder_arg(vm: &Vm, o: Option<&PyRef>, fname: &str) -> PyResult<bool> {
    let Some(o) = o else { return Ok(false) };
    match vm.str_of(o) {
        Some("little") => Ok(true),
        Some("big") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        None => Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            o.ty().name()
        ))),
    }
}

fn bool_arg(vm: &Vm, o: Option<&PyRef>) -> PyResult<bool> {
    o.map_or(Ok(false), |o| vm.truthy(o))
}

/// Keyword-only parameters: reject them positionally with CPython's message.
fn check_positional_max(vm: &Vm, fname: &str, pos: &[PyRef], max: usize) -> PyResult<()> {
    if pos.len() > max {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {max} positional argument{} ({} given)",
            plural(max),
            pos.len()
        )));
    }
    Ok(())
}

fn m_to_bytes(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let i = self_int(vm, &args, "to_bytes")?;
    let pos = args.positional().get(1..).unwrap_or(&[]);
    check_positional_max(vm, "to_bytes", pos, 2)?;
    let [length, order, signed] = bind_args(vm, "to_bytes", pos, &args, ["length", "byteorder", "signed"], 0, 0)?;
    let length = match length {
        Some(l) => vm.index_i64(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(vm, order, "to_bytes")?;
    let signed = bool_arg(vm, signed)?;
    let v = i.value.to_big();
    if !signed && v.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { v.to_signed_bytes_le() } else { v.magnitude().to_bytes_le() };
    if v.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if v.is_negative() { 0xff } else { 0 };
    if bytes.try_reserve(length - bytes.len()).is_err() {
        return Err(vm.new_exception(&vm.exc.memory_error, vec![]));
    }
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes))
}

fn bytes_of_arg(vm: &Vm, o: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = o.downcast::<BytesObj>() {
        return Ok(b.value.to_vec());
    }
    if let Some(b) = o.downcast::<ByteArrayObj>() {
        // SAFETY: copied out immediately; no Python code runs during the borrow.
        return Ok(unsafe { (*b.value.get()).clone() });
    }
    if vm.str_of(o).is_some() || o.ty().slots().iter.is_none() {
        return Err(vm.type_error(format!("cannot convert '{}' object to bytes", o.ty().name())));
    }
    let items = vm.collect(o)?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        let v = vm.index_i64(it)?;
        match u8::try_from(v) {
            Ok(b) => out.push(b),
            Err(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn m_from_bytes(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    let Some((cls, pos)) = pos.split_first() else {
        return Err(vm.type_error("from_bytes() needs a class"));
    };
    check_positional_max(vm, "from_bytes", pos, 2)?;
    let [data, order, signed] = bind_args(vm, "from_bytes", pos, &args, ["bytes", "byteorder", "signed"], 0, 1)?;
    let data = bytes_of_arg(vm, data.unwrap_or(&vm.none))?;
    let little = byteorder_arg(vm, order, "from_bytes")?;
    let signed = bool_arg(vm, signed)?;
    let v = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    let r = vm.new_bigint(v);
    if cls.is(vm.types.int.as_ref()) {
        return Ok(r);
    }
    vm.call_pos(cls, &[r])
}

fn m_as_integer_ratio(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = self_only(vm, &args, "as_integer_ratio")?;
    Ok(vm.new_tuple(vec![exact_int(vm, s), vm.new_int(1)]))
}

fn m_sizeof(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    self_only(vm, &args, "__sizeof__")?;
    let i = self_int(vm, &args, "__sizeof__")?;
    let bits = match &i.value {
        IntValue::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
        IntValue::Big(b) => b.bits(),
    };
    let ndigits = bits.div_ceil(30).max(1) as i64;
    Ok(vm.new_int(24 + 4 * ndigits))
}

fn m_getnewargs(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = self_only(vm, &args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![exact_int(vm, s)]))
}

fn m_round(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let i = self_int(vm, &args, "__round__")?;
    let pos = args.positional().get(1..).unwrap_or(&[]);
    if pos.len() > 1 {
        return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {}", pos.len())));
    }
    let nd = match pos.first() {
        Some(n) if !vm.is_none(n) => vm.index(n)?,
        _ => return Ok(exact_int(vm, &args.args[0])),
    };
    let nd = int_of(&nd).map_or(IntValue::Small(0), |n| n.value.clone());
    if !nd.is_negative() {
        return Ok(exact_int(vm, &args.args[0]));
    }
    Ok(new_int_value(vm, round_int_to_neg_digits(&i.value, &nd)))
}

/// Round `v` to `10**-nd` (nd negative), halves to even.
fn round_int_to_neg_digits(v: &IntValue, nd: &IntValue) -> IntValue {
    let digits = match nd {
        IntValue::Small(n) => n.unsigned_abs(),
        IntValue::Big(_) => u64::MAX,
    };
    let vb = v.to_big();
    // 10**digits exceeds |v| by far: the result is 0.
    if digits > vb.bits() / 3 + 2 {
        return IntValue::Small(0);
    }
    let p: BigInt = num_traits::Pow::pow(BigInt::from(10), digits as u32);
    let (mut q, r) = vb.div_mod_floor(&p);
    let twice: BigInt = &r * 2;
    match twice.cmp(&p) {
        Ordering::Greater => q += 1,
        Ordering::Equal if q.is_odd() => q += 1,
        _ => {}
    }
    IntValue::from_big(q * p)
}

fn m_format(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, spec) = two_args(vm, &args, "__format__")?;
    let Some(spec) = vm.str_of(spec) else {
        return Err(vm.type_error(format!("format() argument 2 must be str, not {}", spec.ty().name())));
    };
    if int_of(s).is_none() {
        return Err(vm.type_error("descriptor '__format__' requires a 'int' object"));
    }
    Ok(vm.new_string(crate::types::format::format_int(vm, s, spec)?))
}

fn get_self(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(exact_int(vm, o))
}
fn get_zero(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.new_int(0))
}
fn get_one(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.new_int(1))
}

/// The slot table of `int` (bool inherits it and overrides a few).
fn int_slots() -> Slots {
    Slots {
        repr: Some(int_repr),
        hash: Some(int_hash),
        richcompare: Some(int_richcompare),
        new: Some(int_new),
        bool: Some(int_bool),
        add: Some(int_add),
        sub: Some(int_sub),
        mul: Some(int_mul),
        truediv: Some(int_truediv),
        floordiv: Some(int_floordiv),
        rem: Some(int_rem),
        divmod: Some(int_divmod),
        pow: Some(int_pow),
        lshift: Some(int_lshift),
        rshift: Some(int_rshift),
        and: Some(int_and),
        or: Some(int_or),
        xor: Some(int_xor),
        neg: Some(int_neg),
        pos: Some(int_pos),
        invert: Some(int_invert),
        abs: Some(int_abs),
        int: Some(int_pos),
        float: Some(int_float),
        index: Some(int_pos),
        ..Default::default()
    }
}

/// `int`'s slot table, the base of `bool`'s (independent of init order).
pub(crate) fn int_slots_for_bool() -> Slots {
    int_slots()
}

fn int_pow_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    match pos {
        [a, b] => int_pow(vm, a, b, &vm.none),
        [a, b, m] => int_pow(vm, a, b, m),
        _ => Err(vm.type_error(format!("expected 1 or 2 arguments, got {}", pos.len().saturating_sub(1)))),
    }
}

fn int_rpow_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    match pos {
        [a, b] => int_pow(vm, b, a, &vm.none),
        [a, b, m] => int_pow(vm, b, a, m),
        _ => Err(vm.type_error(format!("expected 1 or 2 arguments, got {}", pos.len().saturating_sub(1)))),
    }
}

fn int_hash_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = self_only(vm, &args, "__hash__")?;
    Ok(vm.new_int(int_hash(vm, s)?))
}

fn int_bool_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let s = self_only(vm, &args, "__bool__")?;
    Ok(vm.new_bool(int_bool(vm, s)?))
}

/// Install `int`'s slots, methods and attributes.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.int;
    vm.set_type_slots(t, int_slots());
    binary_dunders!(vm, t,
        int_add => "__add__", "__radd__";
        int_sub => "__sub__", "__rsub__";
        int_mul => "__mul__", "__rmul__";
        int_truediv => "__truediv__", "__rtruediv__";
        int_floordiv => "__floordiv__", "__rfloordiv__";
        int_rem => "__mod__", "__rmod__";
        int_divmod => "__divmod__", "__rdivmod__";
        int_lshift => "__lshift__", "__rlshift__";
        int_rshift => "__rshift__", "__rrshift__";
        int_and => "__and__", "__rand__";
        int_or => "__or__", "__ror__";
        int_xor => "__xor__", "__rxor__";
    );
    compare_dunders!(vm, t, int_richcompare);
    unary_dunders!(vm, t,
        int_repr => "__repr__";
        int_neg => "__neg__";
        int_pos => "__pos__";
        int_abs => "__abs__";
        int_invert => "__invert__";
        int_pos => "__int__";
        int_float => "__float__";
        int_pos => "__index__";
        int_pos => "__trunc__";
        int_pos => "__floor__";
        int_pos => "__ceil__";
        int_pos => "conjugate";
    );
    vm.add_method(t, "__pow__", int_pow_method);
    vm.add_method(t, "__rpow__", int_rpow_method);
    vm.add_method(t, "__hash__", int_hash_method);
    vm.add_method(t, "__bool__", int_bool_method);
    vm.add_method(t, "bit_length", m_bit_length);
    vm.add_method(t, "bit_count", m_bit_count);
    vm.add_method(t, "to_bytes", m_to_bytes);
    vm.add_classmethod(t, "from_bytes", m_from_bytes);
    vm.add_method(t, "as_integer_ratio", m_as_integer_ratio);
    vm.add_method(t, "__sizeof__", m_sizeof);
    vm.add_method(t, "__getnewargs__", m_getnewargs);
    vm.add_method(t, "__round__", m_round);
    vm.add_method(t, "__format__", m_format);
    vm.add_getset(t, "real", get_self, None);
    vm.add_getset(t, "imag", get_zero, None);
    vm.add_getset(t, "numerator", get_self, None);
    vm.add_getset(t, "denominator", get_one, None);
}

/// A fresh interpreter with the number types initialised (idempotent with
/// the bootstrap's own call of the init functions).
#[cfg(test)]
pub(crate) fn test_vm() -> crate::vm::VmBox {
    let vm = Vm::new();
    init(&vm);
    crate::types::bool::init(&vm);
    crate::types::float::init(&vm);
    vm
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn parse_literals() {
        assert!(matches!(parse_int_text(" 12 ", 10), Ok(IntValue::Small(12))));
        assert!(matches!(parse_int_text("1_000", 10), Ok(IntValue::Small(1000))));
        assert!(matches!(parse_int_text("  -0b101 ", 0), Ok(IntValue::Small(-5))));
        assert!(matches!(parse_int_text("0x_1f", 16), Ok(IntValue::Small(31))));
        assert!(matches!(parse_int_text("0_0", 0), Ok(IntValue::Small(0))));
        assert!(matches!(parse_int_text("z", 36), Ok(IntValue::Small(35))));
        assert!(matches!(parse_int_text("１２", 10), Ok(IntValue::Small(12))));
        for bad in ["_1", "1_", "1__0", "", "-", "+ 1", "0x", "1e5"] {
            assert_eq!(parse_int_text(bad, 10).err(), Some(IntParseError::Invalid), "{bad}");
        }
        assert_eq!(parse_int_text("010", 0).err(), Some(IntParseError::Invalid));
        assert_eq!(parse_int_text("0b", 0).err(), Some(IntParseError::Invalid));
        assert!(matches!(parse_int_text("99999999999999999999", 10), Ok(IntValue::Big(_))));
    }

    #[test]
    fn truediv_rounding() {
        assert_eq!(big_truediv(&big("10").pow(400), &big("10").pow(399)), Some(10.0));
        assert_eq!(big_truediv(&big("1"), &big("3")), Some(1.0 / 3.0));
        assert_eq!(big_truediv(&(BigInt::from(1) << 1100), &big("3")), None);
        assert_eq!(big_truediv(&big("-1"), &(BigInt::from(1) << 1074)), Some(-5e-324));
        assert_eq!(big_truediv(&big("1"), &(BigInt::from(1) << 1076)), Some(0.0));
        assert_eq!(big_truediv(&big("3"), &(BigInt::from(1) << 1076)), Some(5e-324));
        let n = (BigInt::from(1) << 60) + 1;
        assert_eq!(big_truediv(&n, &big("1")), Some(2f64.powi(60)));
    }

    #[test]
    fn hashes() {
        assert_eq!(hash_int_value(&IntValue::Small(-1)), -2);
        assert_eq!(hash_int_value(&IntValue::from_big((BigInt::from(1) << 61) - 1)), 0);
        assert_eq!(hash_int_value(&IntValue::from_big(BigInt::from(1) << 61)), 1);
        assert_eq!(hash_int_value(&IntValue::from_big(-(BigInt::from(1) << 61usize))), -2);
        assert_eq!(hash_int_value(&IntValue::from_big(big("1000000000000000000000000000000"))), 465258685558744706);
    }

    #[test]
    fn rounding_negative_digits() {
        let r = |v: i64, nd: i64| match round_int_to_neg_digits(&IntValue::Small(v), &IntValue::Small(nd)) {
            IntValue::Small(x) => x,
            IntValue::Big(_) => panic!(),
        };
        assert_eq!(r(1250, -2), 1200);
        assert_eq!(r(1350, -2), 1400);
        assert_eq!(r(-1250, -2), -1200);
        assert_eq!(r(15, -1), 20);
        assert_eq!(r(25, -1), 20);
        assert_eq!(r(3, -1), 0);
        assert_eq!(r(3, -400), 0);
    }

    #[test]
    fn vm_ops() {
        let vm = test_vm();
        let a = vm.new_int(i64::MAX);
        let one = vm.new_int(1);
        let s = vm.binary_op(&a, &one, crate::ops::BinOp::Add).unwrap();
        assert_eq!(vm.repr_string(&s).unwrap(), "9223372036854775808");
        let m = vm.binary_op(&vm.new_int(-7), &vm.new_int(2), crate::ops::BinOp::Mod).unwrap();
        assert_eq!(vm.small_int_of(&m), Some(1));
        let e = vm.binary_op(&vm.new_int(1), &vm.new_int(0), crate::ops::BinOp::FloorDiv).unwrap_err();
        assert_eq!(vm.str_string(&e.0).unwrap(), "integer division or modulo by zero");
        let p = vm.ternary_pow(&vm.new_int(2), &vm.new_int(-1), &vm.new_int(5)).unwrap();
        assert_eq!(vm.small_int_of(&p), Some(3));
        let p = vm.ternary_pow(&vm.new_int(2), &vm.new_int(3), &vm.new_int(-5)).unwrap();
        assert_eq!(vm.small_int_of(&p), Some(-2));
        let sh = vm.binary_op(&vm.new_int(-1), &vm.new_int(100), crate::ops::BinOp::Rshift).unwrap();
        assert_eq!(vm.small_int_of(&sh), Some(-1));
        let sh = vm.binary_op(&vm.new_int(1), &vm.new_int(64), crate::ops::BinOp::Lshift).unwrap();
        assert_eq!(vm.repr_string(&sh).unwrap(), "18446744073709551616");
        let b = vm.binary_op(&sh, &vm.new_int(70), crate::ops::BinOp::Rshift).unwrap();
        assert_eq!(vm.small_int_of(&b), Some(0));
        let neg = vm.new_bigint(-(BigInt::from(1) << 70usize) - 1);
        let b = vm.binary_op(&neg, &vm.new_int(69), crate::ops::BinOp::Rshift).unwrap();
        assert_eq!(vm.small_int_of(&b), Some(-3));
    }

    #[test]
    fn str_limit() {
        let vm = test_vm();
        let v = IntValue::from_big(num_traits::Pow::pow(BigInt::from(10), 5000u32));
        assert!(int_to_decimal(&vm, &v).is_err());
        set_int_max_str_digits(0);
        assert_eq!(int_to_decimal(&vm, &v).unwrap().len(), 5001);
        set_int_max_str_digits(DEFAULT_MAX_STR_DIGITS);
    }
}
