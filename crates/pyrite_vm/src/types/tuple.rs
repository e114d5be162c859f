//! `tuple`.

use crate::object::{ObjHeader, PyObject, PyRef};
use crate::types::typeobj::Layout;

/// A `tuple`.
#[repr(C)]
pub struct TupleObj {
    /// Header.
    pub ob: ObjHeader,
    /// The items (immutable).
    pub items: Box<[PyRef]>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for TupleObj {
    const LAYOUT: Layout = Layout::Tuple;
}

impl TupleObj {
    /// The items.
    #[inline(always)]
    pub fn items(&self) -> &[PyRef] {
        &self.items
    }
}

impl Drop for TupleObj {
    fn drop(&mut self) {
        crate::types::list::drop_reversed(std::mem::take(&mut self.items).into_vec());
    }
}

// ---------------------------------------------------------------------------
// Python-facing behaviour of `tuple`.

use crate::object::alloc_object;
use crate::types::iter::tuple_iter_new;
use crate::types::list::{
    arg_count, clamp_bound, method_self, norm_index, one_arg, repeat_items, repeat_operands, seq_index,
    seq_richcompare,
};
use crate::types::slice::{slice_indices, SliceObj};
use crate::types::typeobj::{CmpOp, FuncArgs, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython 3.11's tuple hash (xxHash-style) over the item hashes.
pub fn hash_of_hashes(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = hashes.len() as u64;
    let mut acc = XXPRIME_5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        1546275796
    } else {
        acc as i64
    }
}

fn tup<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a TupleObj> {
    o.downcast::<TupleObj>()
        .ok_or_else(|| vm.type_error(format!("descriptor requires a 'tuple' object but received a '{}'", o.ty().name())))
}

fn is_exact(vm: &Vm, o: &PyRef) -> bool {
    std::ptr::eq(o.ty(), &*vm.types.tuple)
}

/// A tuple of type `ty` (tuple or a subclass).
pub fn new_tuple_of_type(vm: &Vm, ty: &TypeRef, items: Vec<PyRef>) -> PyRef {
    if std::ptr::eq(&**ty, &*vm.types.tuple) {
        return vm.new_tuple(items);
    }
    alloc_object(ty, |ob| TupleObj { ob, items: items.into_boxed_slice() })
}

fn tuple_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let t = tup(vm, o)?;
    match t.items() {
        [] => return Ok(vm.new_str("()")),
        [x] => return Ok(vm.new_string(format!("({},)", vm.repr_string(x)?))),
        _ => {}
    }
    if !vm.repr_enter(o) {
        return Ok(vm.new_str("(...)"));
    }
    let r = (|| {
        let mut s = String::from("(");
        for (i, x) in t.items().iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&vm.repr_string(x)?);
        }
        s.push(')');
        Ok(vm.new_string(s))
    })();
    vm.repr_leave(o);
    r
}

fn tuple_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<TupleObj>(), b.downcast::<TupleObj>()) else {
        return Ok(vm.not_implemented.clone());
    };
    let (xi, yi) = (x.items(), y.items());
    seq_richcompare(vm, &|i| xi.get(i).cloned(), &|i| yi.get(i).cloned(), &|| xi.len(), &|| yi.len(), op)
}

fn tuple_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    Ok(tup(vm, o)?.items().len())
}

fn tuple_getitem(vm: &Vm, o: &PyRef, key: &PyRef) -> PyResult {
    let t = tup(vm, o)?;
    let items = t.items();
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = slice_indices(vm, s, items.len())?;
        if n == items.len() && step == 1 && is_exact(vm, o) {
            return Ok(o.clone());
        }
        let out = (0..n).filter_map(|k| items.get((start + k as isize * step) as usize).cloned()).collect();
        return Ok(vm.new_tuple(out));
    }
    match seq_index(vm, key)? {
        Some(i) => norm_index(i, items.len())
            .map(|i| items[i].clone())
            .ok_or_else(|| vm.index_error("tuple index out of range")),
        None => Err(vm.type_error(format!("tuple indices must be integers or slices, not {}", key.ty().name()))),
    }
}

fn tuple_contains(vm: &Vm, o: &PyRef, x: &PyRef) -> PyResult<bool> {
    for y in tup(vm, o)?.items() {
        if y.is(x) || vm.eq(y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_iter(vm: &Vm, o: &PyRef) -> PyResult {
    tup(vm, o)?;
    Ok(tuple_iter_new(vm, o.clone()))
}

fn tuple_add(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some(x) = a.downcast::<TupleObj>() else { return Ok(vm.not_implemented.clone()) };
    let Some(y) = b.downcast::<TupleObj>() else {
        if b.ty().is_heap() && b.ty().slots().add.is_some() {
            return Ok(vm.not_implemented.clone());
        }
        return Err(vm.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", b.ty().name())));
    };
    if y.items().is_empty() && is_exact(vm, a) {
        return Ok(a.clone());
    }
    if x.items().is_empty() && is_exact(vm, b) {
        return Ok(b.clone());
    }
    let mut items = Vec::with_capacity(x.items().len() + y.items().len());
    items.extend(x.items().iter().cloned());
    items.extend(y.items().iter().cloned());
    Ok(vm.new_tuple(items))
}

fn tuple_mul(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((t, n)) = repeat_operands::<TupleObj>(vm, a, b)? else { return Ok(vm.not_implemented.clone()) };
    if n == 1 {
        let me = if a.downcast::<TupleObj>().is_some() { a } else { b };
        if is_exact(vm, me) {
            return Ok(me.clone());
        }
    }
    Ok(vm.new_tuple(repeat_items(vm, t.items(), n)?))
}

fn tuple_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let t = tup(vm, o)?;
    let hashes = t.items().iter().map(|x| vm.hash(x)).collect::<PyResult<Vec<i64>>>()?;
    Ok(hash_of_hashes(hashes.into_iter()))
}

fn tuple_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("tuple.__new__(X): X is not a type object"))?;
    let exact = std::ptr::eq(&*t, &*vm.types.tuple);
    if !args.kwnames.is_empty() && exact {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    let pos = args.positional();
    arg_count(vm, pos, "tuple", 0, 1)?;
    let Some(src) = pos.first() else { return Ok(new_tuple_of_type(vm, &t, Vec::new())) };
    if exact && is_exact(vm, src) {
        return Ok(src.clone());
    }
    let items = vm.collect(src)?;
    Ok(new_tuple_of_type(vm, &t, items))
}

fn tuple_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(t) = o.downcast::<TupleObj>() {
        t.items().iter().rev().for_each(|x| visit.visit(x));
    }
}

fn m_count(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (t, rest) = method_self::<TupleObj>(vm, &args, "tuple", "count")?;
    let x = one_arg(vm, rest, "tuple.count")?;
    let mut n = 0;
    for y in t.items() {
        if y.is(x) || vm.eq(y, x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn m_index(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (t, rest) = method_self::<TupleObj>(vm, &args, "tuple", "index")?;
    arg_count(vm, rest, "index", 1, 3)?;
    let items = t.items();
    let start = clamp_bound(vm, rest.get(1), 0, items.len())?;
    let stop = clamp_bound(vm, rest.get(2), items.len(), items.len())?;
    for (i, y) in items.iter().enumerate().take(stop).skip(start) {
        if y.is(&rest[0]) || vm.eq(y, &rest[0])? {
            return Ok(vm.new_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn m_sizeof(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (t, rest) = method_self::<TupleObj>(vm, &args, "tuple", "__sizeof__")?;
    crate::types::list::no_args(vm, rest, "tuple.__sizeof__")?;
    Ok(vm.new_int(24 + 8 * t.items().len() as i64))
}

fn m_getnewargs(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (t, _) = method_self::<TupleObj>(vm, &args, "tuple", "__getnewargs__")?;
    Ok(vm.new_tuple(vec![vm.new_tuple(t.items().to_vec())]))
}

/// Install the slots and methods of `tuple`.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.tuple;
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(tuple_repr),
            richcompare: Some(tuple_richcompare),
            len: Some(tuple_len),
            getitem: Some(tuple_getitem),
            contains: Some(tuple_contains),
            iter: Some(tuple_iter),
            add: Some(tuple_add),
            mul: Some(tuple_mul),
            hash: Some(tuple_hash),
            new: Some(tuple_new),
            traverse: Some(tuple_traverse),
            ..Default::default()
        },
    );
    vm.add_method(t, "count", m_count);
    vm.add_method(t, "index", m_index);
    vm.add_method(t, "__sizeof__", m_sizeof);
    vm.add_method(t, "__getnewargs__", m_getnewargs);
    vm.add_classmethod(t, "__class_getitem__", crate::types::list::class_getitem);
    crate::types::iter::add_sequence_dunders(vm, t);
}

#[cfg(test)]
mod tests {
    use super::hash_of_hashes;

    #[test]
    fn tuple_hash_matches_cpython() {
        assert_eq!(hash_of_hashes([].into_iter()), 5740354900026072187);
        assert_eq!(hash_of_hashes([1i64, 2].into_iter()), -3550055125485641917);
    }
}

#[cfg(test)]
mod behaviour_tests {
    use crate::types::iter::testutil::{call, err_text, repr, vm};
    use crate::types::slice::new_slice;

    #[test]
    fn tuple_behaviour() {
        let vm = vm();
        let t = vm.new_tuple(vec![vm.new_int(1), vm.new_int(2), vm.new_int(3)]);
        assert_eq!(repr(&vm, &t), "(1, 2, 3)");
        assert_eq!(repr(&vm, &vm.new_tuple(vec![vm.new_int(1)])), "(1,)");
        assert_eq!(repr(&vm, &vm.empty_tuple), "()");
        let none = vm.none();
        let s = new_slice(&vm, vm.new_int(1), none.clone(), none);
        assert_eq!(repr(&vm, &vm.get_item(&t, &s).unwrap()), "(2, 3)");
        let e = vm.get_item(&t, &vm.new_int(3)).unwrap_err();
        assert_eq!(err_text(&vm, e), "IndexError: tuple index out of range");
        let e = call(&vm, &t, "index", &[vm.new_int(9)]).unwrap_err();
        assert_eq!(err_text(&vm, e), "ValueError: tuple.index(x): x not in tuple");
        let pair = vm.new_tuple(vec![vm.new_int(1), vm.new_int(2)]);
        assert_eq!(vm.hash(&pair).unwrap(), -3550055125485641917);
        let twice = vm.binary_op(&t, &vm.new_int(2), crate::ops::BinOp::Mul).unwrap();
        assert_eq!(repr(&vm, &twice), "(1, 2, 3, 1, 2, 3)");
        let e = vm.binary_op(&t, &vm.new_list(vec![]), crate::ops::BinOp::Add).unwrap_err();
        assert_eq!(err_text(&vm, e), "TypeError: can only concatenate tuple (not \"list\") to tuple");
        assert!(vm.compare_bool(&pair, &t, crate::types::typeobj::CmpOp::Lt).unwrap());
        assert_eq!(vm.small_int_of(&call(&vm, &t, "__sizeof__", &[]).unwrap()), Some(48));
    }
}
