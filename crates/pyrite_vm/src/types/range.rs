//! `range`.

use crate::object::{ObjHeader, PyRef};
use crate::types::typeobj::Layout;

/// A `range`: start, stop, step and length as int objects.
#[repr(C)]
pub struct RangeObj {
    /// Header.
    pub ob: ObjHeader,
    /// `start`
    pub start: PyRef,
    /// `stop`
    pub stop: PyRef,
    /// `step` (never zero)
    pub step: PyRef,
    /// Number of items.
    pub length: PyRef,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for RangeObj {
    const LAYOUT: Layout = Layout::Range;
}

// ---------------------------------------------------------------------------
// Python-facing behaviour of `range`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::alloc_object;
use crate::types::iter::{range_iter_new, seq_iter_new};
use crate::types::list::{arg_count, method_self, one_arg};
use crate::types::slice::{to_bigint, SliceObj};
use crate::types::typeobj::{CmpOp, FuncArgs, Slots};
use crate::vm::Vm;
use crate::PyResult;

/// The range's fields as big integers (start, stop, step, length).
struct Bounds {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
    len: BigInt,
}

fn big(o: &PyRef) -> BigInt {
    to_bigint(o).unwrap_or_default()
}

impl RangeObj {
    fn bounds(&self) -> Bounds {
        Bounds { start: big(&self.start), stop: big(&self.stop), step: big(&self.step), len: big(&self.length) }
    }

    /// `(start, step, len)` when all fit in i64 (the fast iterator's domain).
    fn small(&self) -> Option<(i64, i64, i64)> {
        let f = |o: &PyRef| match &o.downcast::<crate::types::int::IntObj>()?.value {
            crate::types::int::IntValue::Small(v) => Some(*v),
            _ => None,
        };
        f(&self.stop)?;
        Some((f(&self.start)?, f(&self.step)?, f(&self.length)?))
    }
}

/// Number of items of `range(start, stop, step)` (`step != 0`).
fn compute_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u8) / step + 1u8
    } else if step.is_negative() && start > stop {
        (start - stop - 1u8) / (-step) + 1u8
    } else {
        BigInt::zero()
    }
}

/// A new `range` from int objects (`step` must be non-zero).
pub fn new_range(vm: &Vm, start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
    let len = compute_len(&big(&start), &big(&stop), &big(&step));
    let length = vm.new_bigint(len);
    alloc_object(&vm.types.range, |ob| RangeObj { ob, start, stop, step, length })
}

fn rng<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a RangeObj> {
    o.downcast::<RangeObj>()
        .ok_or_else(|| vm.type_error(format!("descriptor requires a 'range' object but received a '{}'", o.ty().name())))
}

fn range_new(vm: &Vm, _cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let pos = args.positional();
    arg_count(vm, pos, "range", 1, 3)?;
    let ints = pos.iter().map(|a| vm.index(a)).collect::<PyResult<Vec<_>>>()?;
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (vm.new_int(0), stop.clone(), vm.new_int(1)),
        [start, stop] => (start.clone(), stop.clone(), vm.new_int(1)),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => return Err(vm.type_error("range expected at least 1 argument, got 0")),
    };
    if big(&step).is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(vm, start, stop, step))
}

fn range_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let r = rng(vm, o)?;
    let (a, b) = (vm.repr_string(&r.start)?, vm.repr_string(&r.stop)?);
    Ok(vm.new_string(if vm.small_int_of(&r.step) == Some(1) {
        format!("range({a}, {b})")
    } else {
        format!("range({a}, {b}, {})", vm.repr_string(&r.step)?)
    }))
}

fn range_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    let r = rng(vm, o)?;
    big(&r.length)
        .to_isize()
        .map(|n| n as usize)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn range_bool(vm: &Vm, o: &PyRef) -> PyResult<bool> {
    Ok(!big(&rng(vm, o)?.length).is_zero())
}

/// The item at index `i` (already normalised and in range).
fn item_at(b: &Bounds, i: &BigInt) -> BigInt {
    &b.start + i * &b.step
}

/// `_PySlice_GetLongIndices`: a slice resolved against `len` with big ints.
fn long_slice(vm: &Vm, s: &SliceObj, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let step = if vm.is_none(&s.step) { BigInt::one() } else { big(&vm.index(&s.step)?) };
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let lower = if neg { BigInt::from(-1) } else { BigInt::zero() };
    let upper = if neg { len - 1u8 } else { len.clone() };
    let clamp = |o: &PyRef, default: &BigInt| -> PyResult<BigInt> {
        if vm.is_none(o) {
            return Ok(default.clone());
        }
        let v = big(&vm.index(o)?);
        Ok(if v.is_negative() {
            let v = v + len;
            if v < lower {
                lower.clone()
            } else {
                v
            }
        } else if v > upper {
            upper.clone()
        } else {
            v
        })
    };
    let start = clamp(&s.start, if neg { &upper } else { &lower })?;
    let stop = clamp(&s.stop, if neg { &lower } else { &upper })?;
    Ok((start, stop, step))
}

fn range_getitem(vm: &Vm, o: &PyRef, key: &PyRef) -> PyResult {
    let r = rng(vm, o)?;
    if let Some(s) = key.downcast::<SliceObj>() {
        let b = r.bounds();
        let (start, stop, step) = long_slice(vm, s, &b.len)?;
        let new_step = &step * &b.step;
        return Ok(new_range(
            vm,
            vm.new_bigint(item_at(&b, &start)),
            vm.new_bigint(item_at(&b, &stop)),
            vm.new_bigint(new_step),
        ));
    }
    if key.ty().layout != Layout::Int && key.ty().slots().index.is_none() {
        return Err(vm.type_error(format!("range indices must be integers or slices, not {}", key.ty().name())));
    }
    let mut i = big(&vm.index(key)?);
    let b = r.bounds();
    if i.is_negative() {
        i += &b.len;
    }
    if i.is_negative() || i >= b.len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(item_at(&b, &i)))
}

/// Index of the int `x` in the range, if present.
fn int_position(r: &RangeObj, x: &BigInt) -> Option<BigInt> {
    let b = r.bounds();
    let inside = if b.step.is_positive() { &b.start <= x && x < &b.stop } else { &b.stop < x && x <= &b.start };
    if !inside {
        return None;
    }
    let (q, rem) = (x - &b.start).div_rem(&b.step);
    rem.is_zero().then_some(q)
}

fn is_exact_int(vm: &Vm, o: &PyRef) -> bool {
    std::ptr::eq(o.ty(), &*vm.types.int) || std::ptr::eq(o.ty(), &*vm.types.bool)
}

fn range_contains(vm: &Vm, o: &PyRef, x: &PyRef) -> PyResult<bool> {
    let r = rng(vm, o)?;
    if is_exact_int(vm, x) {
        return Ok(int_position(r, &big(x)).is_some());
    }
    let it = range_iter(vm, o)?;
    while let Some(y) = vm.next(&it)? {
        if vm.eq(&y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_iter(vm: &Vm, o: &PyRef) -> PyResult {
    let r = rng(vm, o)?;
    Ok(match r.small() {
        Some((start, step, len)) => range_iter_new(vm, start, step, len as u64),
        None => seq_iter_new(vm, o.clone()),
    })
}

fn range_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<RangeObj>(), b.downcast::<RangeObj>()) else {
        return Ok(vm.not_implemented.clone());
    };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.not_implemented.clone());
    }
    let (p, q) = (x.bounds(), y.bounds());
    let eq = p.len == q.len && (p.len.is_zero() || (p.start == q.start && (p.len.is_one() || p.step == q.step)));
    Ok(vm.new_bool(eq == (op == CmpOp::Eq)))
}

fn range_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let r = rng(vm, o)?;
    let len = big(&r.length);
    let none = vm.none();
    let parts = if len.is_zero() {
        [r.length.clone(), none.clone(), none]
    } else if len.is_one() {
        [r.length.clone(), r.start.clone(), none]
    } else {
        [r.length.clone(), r.start.clone(), r.step.clone()]
    };
    let hashes = parts.iter().map(|p| vm.hash(p)).collect::<PyResult<Vec<_>>>()?;
    Ok(crate::types::tuple::hash_of_hashes(hashes.into_iter()))
}

fn m_count(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (r, rest) = method_self::<RangeObj>(vm, &args, "range", "count")?;
    let x = one_arg(vm, rest, "range.count")?;
    if is_exact_int(vm, x) {
        return Ok(vm.new_int(int_position(r, &big(x)).is_some() as i64));
    }
    let it = range_iter(vm, &args.args[0])?;
    let mut n = 0;
    while let Some(y) = vm.next(&it)? {
        if vm.eq(&y, x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn m_index(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (r, rest) = method_self::<RangeObj>(vm, &args, "range", "index")?;
    let x = one_arg(vm, rest, "range.index")?;
    if is_exact_int(vm, x) {
        if let Some(i) = int_position(r, &big(x)) {
            return Ok(vm.new_bigint(i));
        }
    } else {
        let it = range_iter(vm, &args.args[0])?;
        let mut i = 0i64;
        while let Some(y) = vm.next(&it)? {
            if vm.eq(&y, x)? {
                return Ok(vm.new_int(i));
            }
            i += 1;
        }
    }
    Err(vm.value_error(format!("{} is not in range", vm.repr_string(x)?)))
}

fn m_reversed(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (r, rest) = method_self::<RangeObj>(vm, &args, "range", "__reversed__")?;
    crate::types::list::no_args(vm, rest, "range.__reversed__")?;
    if let Some((start, step, len)) = r.small() {
        let last = (len.checked_sub(1).unwrap_or(0) as i128) * step as i128 + start as i128;
        if let (Ok(last), Some(neg)) = (i64::try_from(last), step.checked_neg()) {
            return Ok(range_iter_new(vm, last, neg, len as u64));
        }
    }
    let b = r.bounds();
    let last = &b.start + (&b.len - 1u8) * &b.step;
    let rev = new_range(vm, vm.new_bigint(last), vm.new_bigint(&b.start - &b.step), vm.new_bigint(-b.step));
    Ok(seq_iter_new(vm, rev))
}

/// Install the slots and methods of `range`.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.range;
    vm.set_type_slots(
        t,
        Slots {
            new: Some(range_new),
            repr: Some(range_repr),
            len: Some(range_len),
            bool: Some(range_bool),
            getitem: Some(range_getitem),
            contains: Some(range_contains),
            iter: Some(range_iter),
            richcompare: Some(range_richcompare),
            hash: Some(range_hash),
            ..Default::default()
        },
    );
    vm.add_getset(t, "start", |vm, o| Ok(rng(vm, o)?.start.clone()), None);
    vm.add_getset(t, "stop", |vm, o| Ok(rng(vm, o)?.stop.clone()), None);
    vm.add_getset(t, "step", |vm, o| Ok(rng(vm, o)?.step.clone()), None);
    vm.add_method(t, "count", m_count);
    vm.add_method(t, "index", m_index);
    vm.add_method(t, "__reversed__", m_reversed);
    crate::types::iter::add_sequence_dunders(vm, t);
}

#[cfg(test)]
mod tests {
    use super::compute_len;
    use num_bigint::BigInt;

    #[test]
    fn lengths() {
        let b = |v: i64| BigInt::from(v);
        assert_eq!(compute_len(&b(0), &b(10), &b(3)), b(4));
        assert_eq!(compute_len(&b(10), &b(0), &b(-3)), b(4));
        assert_eq!(compute_len(&b(10), &b(0), &b(3)), b(0));
        assert_eq!(compute_len(&b(0), &b(0), &b(1)), b(0));
    }
}

#[cfg(test)]
mod behaviour_tests {
    use crate::types::iter::testutil::{err_text, repr, vm};
    use crate::types::slice::new_slice;
    use crate::types::typeobj::FuncArgs;

    #[test]
    fn range_behaviour() {
        let vm = vm();
        let mk = |a: &[i64]| {
            let args: Vec<_> = a.iter().map(|&i| vm.new_int(i)).collect();
            vm.call(vm.types.range.as_ref(), FuncArgs::pos(&args))
        };
        let r = mk(&[0, 10, 3]).unwrap();
        assert_eq!(repr(&vm, &r), "range(0, 10, 3)");
        assert_eq!(repr(&vm, &mk(&[5]).unwrap()), "range(0, 5)");
        assert_eq!(vm.len(&r).unwrap(), 4);
        let none = vm.none();
        let s = new_slice(&vm, none.clone(), none.clone(), vm.new_int(-1));
        assert_eq!(repr(&vm, &vm.get_item(&r, &s).unwrap()), "range(9, -3, -3)");
        assert_eq!(repr(&vm, &vm.get_item(&r, &vm.new_int(-1)).unwrap()), "9");
        let e = vm.get_item(&r, &vm.new_int(4)).unwrap_err();
        assert_eq!(err_text(&vm, e), "IndexError: range object index out of range");
        assert!(vm.contains(&r, &vm.new_int(6)).unwrap());
        assert!(!vm.contains(&r, &vm.new_int(7)).unwrap());
        let e = mk(&[1, 2, 0]).unwrap_err();
        assert_eq!(err_text(&vm, e), "ValueError: range() arg 3 must not be zero");
        let items = vm.collect(&r).unwrap();
        assert_eq!(repr(&vm, &vm.new_list(items)), "[0, 3, 6, 9]");
        let rev = crate::types::iter::testutil::call(&vm, &r, "__reversed__", &[]).unwrap();
        assert_eq!(repr(&vm, &vm.new_list(vm.collect(&rev).unwrap())), "[9, 6, 3, 0]");
        assert_eq!(vm.hash(&mk(&[3, 10, 2]).unwrap()).unwrap(), vm.hash(&vm.new_tuple(vec![vm.new_int(4), vm.new_int(3), vm.new_int(2)])).unwrap());
        assert!(vm.eq(&mk(&[0, 10, 2]).unwrap(), &mk(&[0, 9, 2]).unwrap()).unwrap());
    }
}
