//! `slice`.

use crate::object::{ObjHeader, PyRef};
use crate::types::typeobj::Layout;

/// A `slice`.
#[repr(C)]
pub struct SliceObj {
    /// Header.
    pub ob: ObjHeader,
    /// `start`
    pub start: PyRef,
    /// `stop`
    pub stop: PyRef,
    /// `step`
    pub step: PyRef,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for SliceObj {
    const LAYOUT: Layout = Layout::Slice;
}

use num_bigint::BigInt;
use num_traits::Signed;

use crate::object::alloc_object;
use crate::types::int::{IntObj, IntValue};
use crate::types::typeobj::{CmpOp, FuncArgs, Slots};
use crate::vm::Vm;
use crate::PyResult;

/// Create a `slice(start, stop, step)` object.
pub fn new_slice(vm: &Vm, start: PyRef, stop: PyRef, step: PyRef) -> PyRef {
    alloc_object(&vm.types.slice, |ob| SliceObj { ob, start, stop, step })
}

/// Clamp an int object into `isize` (CPython's `_PyEval_SliceIndex`).
fn clamp_int(o: &PyRef) -> Option<isize> {
    match o.downcast::<IntObj>()?.value {
        IntValue::Small(v) => Some(v.clamp(isize::MIN as i64, isize::MAX as i64) as isize),
        IntValue::Big(ref b) => Some(if b.is_negative() { isize::MIN } else { isize::MAX }),
    }
}

/// A slice bound: `None` for None, else the value clamped to `isize`.
pub fn slice_index(vm: &Vm, o: &PyRef) -> PyResult<Option<isize>> {
    if vm.is_none(o) {
        return Ok(None);
    }
    if let Some(v) = clamp_int(o) {
        return Ok(Some(v));
    }
    if o.ty().slots().index.is_none() {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let i = vm.index(o)?;
    Ok(clamp_int(&i))
}

/// Resolve a slice against a sequence of length `len`: (start, stop, step,
/// slicelength) with CPython's clamping (`PySlice_Unpack` + `PySlice_AdjustIndices`).
pub fn slice_indices(vm: &Vm, s: &SliceObj, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let step = match slice_index(vm, &s.step)? {
        None => 1,
        Some(0) => return Err(vm.value_error("slice step cannot be zero")),
        Some(v) => v.max(-isize::MAX),
    };
    let start = slice_index(vm, &s.start)?.unwrap_or(if step < 0 { isize::MAX } else { 0 });
    let stop = slice_index(vm, &s.stop)?.unwrap_or(if step < 0 { isize::MIN } else { isize::MAX });
    let (start, stop, n) = adjust_indices(len as isize, start, stop, step);
    Ok((start, stop, step, n))
}

/// `PySlice_AdjustIndices`: clamp unpacked bounds to a length.
pub fn adjust_indices(len: isize, start: isize, stop: isize, step: isize) -> (isize, isize, usize) {
    let fix = |v: isize| -> isize {
        if v < 0 {
            let v = v.saturating_add(len);
            if v < 0 {
                if step < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v
            }
        } else if v >= len {
            if step < 0 {
                len - 1
            } else {
                len
            }
        } else {
            v
        }
    };
    let (start, stop) = (fix(start), fix(stop));
    let n = if step < 0 {
        if stop < start {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else {
        0
    };
    (start, stop, n)
}

fn this<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a SliceObj> {
    o.downcast::<SliceObj>()
        .ok_or_else(|| vm.type_error(format!("descriptor requires a 'slice' object but received a '{}'", o.ty().name())))
}

fn slice_new(vm: &Vm, _cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let none = vm.none();
    match args.args {
        [] => Err(vm.type_error("slice expected at least 1 argument, got 0")),
        [stop] => Ok(new_slice(vm, none.clone(), stop.clone(), none)),
        [start, stop] => Ok(new_slice(vm, start.clone(), stop.clone(), none)),
        [start, stop, step] => Ok(new_slice(vm, start.clone(), stop.clone(), step.clone())),
        a => Err(vm.type_error(format!("slice expected at most 3 arguments, got {}", a.len()))),
    }
}

fn slice_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let s = this(vm, o)?;
    let text = format!(
        "slice({}, {}, {})",
        vm.repr_string(&s.start)?,
        vm.repr_string(&s.stop)?,
        vm.repr_string(&s.step)?
    );
    Ok(vm.new_string(text))
}

fn as_tuple(vm: &Vm, s: &SliceObj) -> PyRef {
    vm.new_tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()])
}

fn slice_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<SliceObj>(), b.downcast::<SliceObj>()) else {
        return Ok(vm.not_implemented.clone());
    };
    let (tx, ty) = (as_tuple(vm, x), as_tuple(vm, y));
    vm.rich_compare(&tx, &ty, op)
}

/// Python int from an isize.
fn int(vm: &Vm, v: isize) -> PyRef {
    vm.new_int(v as i64)
}

/// `slice.indices(length)`.
fn slice_indices_method(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let [o, n] = args.args else {
        return Err(vm.type_error(format!(
            "slice.indices() takes exactly one argument ({} given)",
            args.args.len().saturating_sub(1)
        )));
    };
    let s = this(vm, o)?;
    let n = vm.index(n)?;
    let len = match n.downcast::<IntObj>().map(|i| &i.value) {
        Some(IntValue::Small(v)) if *v < 0 => return Err(vm.value_error("length should not be negative")),
        Some(IntValue::Small(v)) => *v,
        Some(IntValue::Big(b)) if b.is_negative() => return Err(vm.value_error("length should not be negative")),
        _ => i64::MAX,
    };
    let (start, stop, step, _) = slice_indices(vm, s, len as usize)?;
    Ok(vm.new_tuple(vec![int(vm, start), int(vm, stop), int(vm, step)]))
}

/// Convert an int object to a big integer (`None` if not an int).
pub fn to_bigint(o: &PyRef) -> Option<BigInt> {
    match &o.downcast::<IntObj>()?.value {
        IntValue::Small(v) => Some(BigInt::from(*v)),
        IntValue::Big(b) => Some((**b).clone()),
    }
}

/// Install the slots and attributes of `slice`.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.slice;
    vm.set_type_slots(
        t,
        Slots {
            new: Some(slice_new),
            repr: Some(slice_repr),
            richcompare: Some(slice_richcompare),
            traverse: Some(|o, visit| {
                if let Some(s) = o.downcast::<SliceObj>() {
                    visit.visit(&s.start);
                    visit.visit(&s.stop);
                    visit.visit(&s.step);
                }
            }),
            ..Default::default()
        },
    );
    let mut s = *t.slots();
    s.hash = None;
    t.set_slots(s);
    vm.dict_set_str(t.dict(), "__hash__", vm.none());
    vm.add_getset(t, "start", |vm, o| Ok(this(vm, o)?.start.clone()), None);
    vm.add_getset(t, "stop", |vm, o| Ok(this(vm, o)?.stop.clone()), None);
    vm.add_getset(t, "step", |vm, o| Ok(this(vm, o)?.step.clone()), None);
    vm.add_method(t, "indices", slice_indices_method);
    crate::types::iter::add_sequence_dunders(vm, t);
}

#[cfg(test)]
mod tests {
    use super::adjust_indices;

    #[test]
    fn adjust_matches_cpython() {
        // [0..10][::-1]
        assert_eq!(adjust_indices(10, isize::MAX, isize::MIN, -1), (9, -1, 10));
        // [0..10][2:8:3] -> 2, 5
        assert_eq!(adjust_indices(10, 2, 8, 3), (2, 8, 2));
        // [0..10][-100:100]
        assert_eq!(adjust_indices(10, -100, 100, 1), (0, 10, 10));
        assert_eq!(adjust_indices(0, 0, isize::MAX, 1), (0, 0, 0));
        assert_eq!(adjust_indices(5, 3, 1, 1), (3, 1, 0));
    }
}
