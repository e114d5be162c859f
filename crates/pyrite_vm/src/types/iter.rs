//! Iterator types: the sequence iterator, `callable_iterator`, and the lazy
//! builtins `enumerate`, `zip`, `map`, `filter`, `reversed`.

use std::cell::{Cell, UnsafeCell};

use crate::object::{ObjHeader, PyObject, PyRef};
use crate::types::typeobj::Layout;

macro_rules! payload {
    ($(#[$m:meta])* $name:ident, $layout:ident { $($(#[$fm:meta])* $f:ident : $t:ty),* $(,)? }) => {
        $(#[$m])*
        #[repr(C)]
        pub struct $name {
            /// Header.
            pub ob: ObjHeader,
            $($(#[$fm])* pub $f: $t,)*
        }
        // SAFETY: repr(C), header first, unique layout tag.
        unsafe impl crate::object::PyPayload for $name {
            const LAYOUT: Layout = Layout::$layout;
        }
    };
}

payload!(
    /// `iter(seq)` over anything with `__getitem__`; also list/tuple/str iterators.
    SeqIterObj, SeqIter {
        /// The sequence, dropped when exhausted.
        seq: UnsafeCell<Option<PyRef>>,
        /// Next index.
        index: Cell<usize>,
    }
);
payload!(
    /// `list_iterator` (and `list_reverseiterator` when `reverse`).
    ListIterObj, ListIter {
        /// The list, dropped when exhausted.
        list: UnsafeCell<Option<PyRef>>,
        /// Next index (for reverse: one past the next index).
        index: Cell<usize>,
        /// Iterate backwards.
        reverse: bool,
    }
);
payload!(
    /// `tuple_iterator`.
    TupleIterObj, TupleIter {
        /// The tuple, dropped when exhausted.
        tuple: UnsafeCell<Option<PyRef>>,
        /// Next index.
        index: Cell<usize>,
    }
);
payload!(
    /// `range_iterator` for ranges whose bounds fit in i64.
    RangeIterObj, RangeIter {
        /// Next value.
        next: Cell<i64>,
        /// Step.
        step: i64,
        /// Items left.
        remaining: Cell<u64>,
    }
);
payload!(
    /// `str_ascii_iterator` / `str_iterator`.
    StrIterObj, StrIter {
        /// The str.
        s: PyRef,
        /// Byte offset of the next char.
        pos: Cell<usize>,
    }
);
payload!(
    /// Dict key/value/item iterators (forward).
    DictIterObj, DictIter {
        /// The dict, dropped when exhausted.
        dict: UnsafeCell<Option<PyRef>>,
        /// Next entry index.
        pos: Cell<usize>,
        /// 0 keys, 1 values, 2 items.
        kind: u8,
        /// Dict size at creation (to detect "changed size during iteration").
        len: Cell<usize>,
        /// Items not yet produced (to detect "keys changed during iteration").
        remaining: Cell<usize>,
    }
);
payload!(
    /// `set_iterator`.
    SetIterObj, SetIter {
        /// The set, dropped when exhausted.
        set: UnsafeCell<Option<PyRef>>,
        /// Next slot index.
        pos: Cell<usize>,
        /// Set size at creation.
        len: usize,
    }
);
payload!(
    /// `enumerate`.
    EnumerateObj, Enumerate {
        /// Underlying iterator.
        iter: PyRef,
        /// Next count (an int object).
        count: UnsafeCell<PyRef>,
    }
);
payload!(
    /// `zip`.
    ZipObj, Zip {
        /// Underlying iterators.
        iters: Box<[PyRef]>,
        /// `strict=True`.
        strict: bool,
    }
);
payload!(
    /// `map`.
    MapObj, Map {
        /// The function.
        func: PyRef,
        /// Underlying iterators.
        iters: Box<[PyRef]>,
    }
);
payload!(
    /// `filter`.
    FilterObj, Filter {
        /// The predicate (None: truthiness).
        func: PyRef,
        /// Underlying iterator.
        iter: PyRef,
    }
);
payload!(
    /// `reversed(seq)` over a sequence.
    ReversedObj, Reversed {
        /// The sequence, dropped when exhausted.
        seq: UnsafeCell<Option<PyRef>>,
        /// One past the next index.
        index: Cell<usize>,
    }
);
payload!(
    /// `iter(callable, sentinel)`.
    CallIterObj, CallIter {
        /// The callable, dropped when exhausted.
        callable: UnsafeCell<Option<PyRef>>,
        /// The sentinel.
        sentinel: PyRef,
    }
);
payload!(
    /// `mappingproxy` (a type's `__dict__`).
    MappingProxyObj, MappingProxy {
        /// The mapping.
        mapping: PyRef,
    }
);
payload!(
    /// `dict_keys` / `dict_values` / `dict_items`.
    DictViewObj, DictView {
        /// The dict.
        dict: PyRef,
        /// 0 keys, 1 values, 2 items.
        kind: u8,
    }
);

// ---------------------------------------------------------------------------
// Behaviour of the iterator types.

use crate::object::{alloc_object, PyPayload};
use crate::types::list::{arg_count, method_self, ListObj};
use crate::types::tuple::TupleObj;
use crate::types::typeobj::{CmpOp, FuncArgs, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

/// Borrow-free read of an `UnsafeCell<Option<PyRef>>` field (new reference).
pub(crate) fn cell_get(c: &UnsafeCell<Option<PyRef>>) -> Option<PyRef> {
    // SAFETY: short borrow; cloning only increments the count.
    unsafe { (*c.get()).clone() }
}

/// Replace the value of an `UnsafeCell<Option<PyRef>>` field; the old value
/// is dropped after the borrow ends.
pub(crate) fn cell_set(c: &UnsafeCell<Option<PyRef>>, v: Option<PyRef>) {
    // SAFETY: short borrow; the old value is dropped after it ends.
    let old = unsafe { std::mem::replace(&mut *c.get(), v) };
    drop(old);
}

/// Visit the object in an `UnsafeCell<Option<PyRef>>` (GC traverse). The
/// visitor gets a new reference, not a borrow of the cell, so it may do
/// anything, the cell included.
pub(crate) fn cell_visit(c: &UnsafeCell<Option<PyRef>>, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(o) = cell_get(c) {
        visit.visit(&o);
    }
}

/// `operator.length_hint(o, default)`: `len(o)`, else `o.__length_hint__()`,
/// else `default`.
pub fn length_hint(vm: &Vm, o: &PyRef, default: usize) -> PyResult<usize> {
    if let Some(f) = o.ty().slots().len {
        match f(vm, o) {
            Ok(n) => return Ok(n),
            Err(e) if vm.is_instance(&e.0, &vm.exc.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(m) = vm.lookup_special(o, "__length_hint__") else { return Ok(default) };
    let r = vm.call_unbound(&m, o, std::slice::from_ref(o))?;
    if r.is(&vm.not_implemented) {
        return Ok(default);
    }
    let Some(n) = vm.small_int_of(&r) else {
        return Err(vm.type_error(format!("__length_hint__ must be an integer, not {}", r.ty().name())));
    };
    usize::try_from(n).map_err(|_| vm.value_error("__length_hint__() should return >= 0"))
}

/// The generic iterator over anything with `__getitem__` (`iter(seq)`).
pub fn seq_iter_new(vm: &Vm, seq: PyRef) -> PyRef {
    alloc_object(&vm.types.seq_iter, |ob| SeqIterObj { ob, seq: UnsafeCell::new(Some(seq)), index: Cell::new(0) })
}

/// A `list_iterator` (or `list_reverseiterator` when `reverse`).
pub fn list_iter_new(vm: &Vm, list: PyRef, reverse: bool) -> PyRef {
    let (ty, index) = match (reverse, list.downcast::<ListObj>()) {
        (true, Some(l)) => (&vm.types.list_reverseiter, l.len()),
        _ => (&vm.types.list_iter, 0),
    };
    alloc_object(ty, |ob| ListIterObj { ob, list: UnsafeCell::new(Some(list)), index: Cell::new(index), reverse })
}

/// A `tuple_iterator`.
pub fn tuple_iter_new(vm: &Vm, tuple: PyRef) -> PyRef {
    alloc_object(&vm.types.tuple_iter, |ob| TupleIterObj { ob, tuple: UnsafeCell::new(Some(tuple)), index: Cell::new(0) })
}

/// A `range_iterator` over `len` values `start, start+step, ...` (all fitting in i64).
pub fn range_iter_new(vm: &Vm, start: i64, step: i64, len: u64) -> PyRef {
    alloc_object(&vm.types.range_iter, |ob| RangeIterObj { ob, next: Cell::new(start), step, remaining: Cell::new(len) })
}

/// `iter(callable, sentinel)`.
pub fn callable_iter_new(vm: &Vm, callable: PyRef, sentinel: PyRef) -> PyRef {
    alloc_object(&vm.types.callable_iter, |ob| CallIterObj { ob, callable: UnsafeCell::new(Some(callable)), sentinel })
}

fn is_stop(vm: &Vm, e: &crate::PyErr) -> bool {
    vm.is_instance(&e.0, &vm.exc.stop_iteration)
}

fn is_index_or_stop(vm: &Vm, e: &crate::PyErr) -> bool {
    vm.is_instance(&e.0, &vm.exc.index_error) || is_stop(vm, e)
}

fn iter_self(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(o.clone())
}

/// Downcast the iterator passed to a slot; the slots are only installed on
/// types with the matching layout, but methods can be called with anything.
fn me<'a, T: PyPayload>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a T> {
    o.downcast::<T>()
        .ok_or_else(|| vm.type_error(format!("unexpected iterator object of type '{}'", o.ty().name())))
}

// ----- seq_iter -----

fn seqiter_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let it = me::<SeqIterObj>(vm, o)?;
    let Some(seq) = cell_get(&it.seq) else { return Ok(None) };
    let i = it.index.get();
    let key = vm.new_int(i as i64);
    match vm.get_item(&seq, &key) {
        Ok(v) => {
            it.index.set(i + 1);
            Ok(Some(v))
        }
        Err(e) if is_index_or_stop(vm, &e) => {
            cell_set(&it.seq, None);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn seqiter_length_hint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (it, _) = method_self::<SeqIterObj>(vm, &args, "iterator", "__length_hint__")?;
    let Some(seq) = cell_get(&it.seq) else { return Ok(vm.new_int(0)) };
    match seq.ty().slots().len {
        Some(f) => {
            let n = f(vm, &seq)?;
            Ok(vm.new_int(n.saturating_sub(it.index.get()) as i64))
        }
        None => Ok(vm.not_implemented.clone()),
    }
}

fn seqiter_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(it) = o.downcast::<SeqIterObj>() {
        cell_visit(&it.seq, visit);
    }
}

// ----- list iterators -----

fn listiter_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let it = me::<ListIterObj>(vm, o)?;
    let Some(seq) = cell_get(&it.list) else { return Ok(None) };
    let l = me::<ListObj>(vm, &seq)?;
    let i = it.index.get();
    let item = if it.reverse {
        if i == 0 {
            None
        } else {
            it.index.set(i - 1);
            l.get(i - 1)
        }
    } else {
        let x = l.get(i);
        if x.is_some() {
            it.index.set(i + 1);
        }
        x
    };
    if item.is_none() {
        it.index.set(0);
        cell_set(&it.list, None);
    }
    Ok(item)
}

fn listiter_length_hint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (it, _) = method_self::<ListIterObj>(vm, &args, "list_iterator", "__length_hint__")?;
    let len = cell_get(&it.list).and_then(|l| l.downcast::<ListObj>().map(ListObj::len)).unwrap_or(0);
    let i = it.index.get();
    let n = if it.reverse {
        if len < i {
            0
        } else {
            i
        }
    } else {
        len.saturating_sub(i)
    };
    Ok(vm.new_int(n as i64))
}

fn listiter_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(it) = o.downcast::<ListIterObj>() {
        cell_visit(&it.list, visit);
    }
}

// ----- tuple iterator -----

fn tupleiter_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let it = me::<TupleIterObj>(vm, o)?;
    let Some(seq) = cell_get(&it.tuple) else { return Ok(None) };
    let i = it.index.get();
    let item = me::<TupleObj>(vm, &seq)?.items().get(i).cloned();
    match item {
        Some(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        None => {
            cell_set(&it.tuple, None);
            Ok(None)
        }
    }
}

fn tupleiter_length_hint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (it, _) = method_self::<TupleIterObj>(vm, &args, "tuple_iterator", "__length_hint__")?;
    let len = cell_get(&it.tuple).and_then(|t| t.downcast::<TupleObj>().map(|t| t.items().len())).unwrap_or(0);
    Ok(vm.new_int(len.saturating_sub(it.index.get()) as i64))
}

fn tupleiter_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(it) = o.downcast::<TupleIterObj>() {
        cell_visit(&it.tuple, visit);
    }
}

// ----- range iterator -----

impl RangeIterObj {
    /// The next value, if any (the eval loop's `FOR_ITER` over a range
    /// calls this directly).
    #[inline(always)]
    pub fn next_value(&self) -> Option<i64> {
        let left = self.remaining.get();
        if left == 0 {
            return None;
        }
        let v = self.next.get();
        self.remaining.set(left - 1);
        // The last value may be followed by an unrepresentable one: wrap silently.
        self.next.set(v.wrapping_add(self.step));
        Some(v)
    }
}

fn rangeiter_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    Ok(me::<RangeIterObj>(vm, o)?.next_value().map(|v| vm.new_int(v)))
}

fn rangeiter_length_hint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (it, _) = method_self::<RangeIterObj>(vm, &args, "range_iterator", "__length_hint__")?;
    Ok(vm.new_bigint(it.remaining.get().into()))
}

// ----- callable iterator -----

fn calliter_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let it = me::<CallIterObj>(vm, o)?;
    let Some(f) = cell_get(&it.callable) else { return Ok(None) };
    match vm.call0(&f) {
        Ok(v) => {
            if vm.eq(&it.sentinel, &v)? {
                cell_set(&it.callable, None);
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        Err(e) if is_stop(vm, &e) => {
            cell_set(&it.callable, None);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

fn calliter_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(it) = o.downcast::<CallIterObj>() {
        cell_visit(&it.callable, visit);
        visit.visit(&it.sentinel);
    }
}

// ----- enumerate -----

fn type_arg(vm: &Vm, cls: &PyRef) -> PyResult<TypeRef> {
    TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("__new__(X): X is not a type object"))
}

fn enumerate_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = type_arg(vm, cls)?;
    let pos = args.positional();
    let (mut iterable, mut start) = (pos.first().cloned(), pos.get(1).cloned());
    if args.args.len() > 2 {
        return Err(vm.type_error(format!("enumerate() takes at most 2 arguments ({} given)", args.args.len())));
    }
    for (k, v) in args.keywords() {
        match vm.str_of(k) {
            Some("iterable") if iterable.is_none() => iterable = Some(v.clone()),
            Some("start") if start.is_none() => start = Some(v.clone()),
            Some(n @ ("iterable" | "start")) => {
                return Err(vm.type_error(format!("argument for enumerate() given by name ('{n}') and position")))
            }
            other => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for enumerate()",
                    other.unwrap_or("?")
                )))
            }
        }
    }
    let Some(iterable) = iterable else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let start = match start {
        Some(s) => vm.index(&s)?,
        None => vm.new_int(0),
    };
    let iter = vm.iter(&iterable)?;
    Ok(alloc_object(&t, |ob| EnumerateObj { ob, iter, count: UnsafeCell::new(start) }))
}

fn enumerate_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let e = me::<EnumerateObj>(vm, o)?;
    let Some(item) = vm.next(&e.iter)? else { return Ok(None) };
    // SAFETY: short borrow to clone the counter.
    let idx = unsafe { (*e.count.get()).clone() };
    let next = match vm.small_int_of(&idx).and_then(|v| v.checked_add(1)) {
        Some(n) => vm.new_int(n),
        None => vm.binary_op(&idx, &vm.new_int(1), crate::ops::BinOp::Add)?,
    };
    // SAFETY: short borrow; the old counter is dropped after it ends.
    let old = unsafe { std::mem::replace(&mut *e.count.get(), next) };
    drop(old);
    Ok(Some(vm.new_tuple(vec![idx, item])))
}

fn enumerate_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(e) = o.downcast::<EnumerateObj>() {
        visit.visit(&e.iter);
        // SAFETY: short borrow, cloning only increments.
        let count = unsafe { (*e.count.get()).clone() };
        visit.visit(&count);
    }
}

// ----- zip -----

fn zip_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = type_arg(vm, cls)?;
    let mut strict = false;
    for (k, v) in args.keywords() {
        match vm.str_of(k) {
            Some("strict") => strict = vm.truthy(v)?,
            other => {
                return Err(vm.type_error(format!("'{}' is an invalid keyword argument for zip()", other.unwrap_or("?"))))
            }
        }
    }
    let iters = args.positional().iter().map(|a| vm.iter(a)).collect::<PyResult<Vec<_>>>()?;
    Ok(alloc_object(&t, |ob| ZipObj { ob, iters: iters.into_boxed_slice(), strict }))
}

fn plural_args(i: usize) -> String {
    if i == 1 {
        " 1".to_string()
    } else {
        format!("s 1-{i}")
    }
}

fn zip_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let z = me::<ZipObj>(vm, o)?;
    if z.iters.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(z.iters.len());
    for (i, it) in z.iters.iter().enumerate() {
        match vm.next(it)? {
            Some(x) => items.push(x),
            None if !z.strict => return Ok(None),
            None if i > 0 => {
                return Err(vm.value_error(format!(
                    "zip() argument {} is shorter than argument{}",
                    i + 1,
                    plural_args(i)
                )))
            }
            None => {
                for (j, other) in z.iters.iter().enumerate().skip(1) {
                    if vm.next(other)?.is_some() {
                        return Err(vm.value_error(format!(
                            "zip() argument {} is longer than argument{}",
                            j + 1,
                            plural_args(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(items)))
}

fn zip_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(z) = o.downcast::<ZipObj>() {
        z.iters.iter().for_each(|x| visit.visit(x));
    }
}

// ----- map -----

fn map_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = type_arg(vm, cls)?;
    if !args.kwnames.is_empty() && std::ptr::eq(&*t, &*vm.types.map) {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    let pos = args.positional();
    if pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let iters = pos[1..].iter().map(|a| vm.iter(a)).collect::<PyResult<Vec<_>>>()?;
    let func = pos[0].clone();
    Ok(alloc_object(&t, |ob| MapObj { ob, func, iters: iters.into_boxed_slice() }))
}

fn map_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let m = me::<MapObj>(vm, o)?;
    let mut items = Vec::with_capacity(m.iters.len());
    for it in m.iters.iter() {
        match vm.next(it)? {
            Some(x) => items.push(x),
            None => return Ok(None),
        }
    }
    vm.call_pos(&m.func, &items).map(Some)
}

fn map_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(m) = o.downcast::<MapObj>() {
        visit.visit(&m.func);
        m.iters.iter().for_each(|x| visit.visit(x));
    }
}

// ----- filter -----

fn filter_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = type_arg(vm, cls)?;
    if !args.kwnames.is_empty() && std::ptr::eq(&*t, &*vm.types.filter) {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    let pos = args.positional();
    arg_count(vm, pos, "filter", 2, 2)?;
    let iter = vm.iter(&pos[1])?;
    let func = pos[0].clone();
    Ok(alloc_object(&t, |ob| FilterObj { ob, func, iter }))
}

fn filter_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let f = me::<FilterObj>(vm, o)?;
    let plain = vm.is_none(&f.func) || std::ptr::eq(f.func.as_ptr(), vm.types.bool.as_ref().as_ptr());
    while let Some(x) = vm.next(&f.iter)? {
        let ok = if plain {
            vm.truthy(&x)?
        } else {
            let r = vm.call_pos(&f.func, std::slice::from_ref(&x))?;
            vm.truthy(&r)?
        };
        if ok {
            return Ok(Some(x));
        }
    }
    Ok(None)
}

fn filter_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(f) = o.downcast::<FilterObj>() {
        visit.visit(&f.func);
        visit.visit(&f.iter);
    }
}

// ----- reversed -----

fn reversed_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = type_arg(vm, cls)?;
    if !args.kwnames.is_empty() && std::ptr::eq(&*t, &*vm.types.reversed) {
        return Err(vm.type_error("reversed() takes no keyword arguments"));
    }
    let pos = args.positional();
    arg_count(vm, pos, "reversed", 1, 1)?;
    let seq = &pos[0];
    let not_reversible = || vm.type_error(format!("'{}' object is not reversible", seq.ty().name()));
    if let Some(m) = vm.lookup_special(seq, "__reversed__") {
        if vm.is_none(&m) {
            return Err(not_reversible());
        }
        return vm.call_unbound(&m, seq, std::slice::from_ref(seq));
    }
    let s = seq.ty().slots();
    if s.getitem.is_none() || seq.ty().layout == crate::types::typeobj::Layout::Dict {
        return Err(not_reversible());
    }
    let n = vm.len(seq)?;
    let seq = seq.clone();
    Ok(alloc_object(&t, |ob| ReversedObj { ob, seq: UnsafeCell::new(Some(seq)), index: Cell::new(n) }))
}

fn reversed_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let r = me::<ReversedObj>(vm, o)?;
    let Some(seq) = cell_get(&r.seq) else { return Ok(None) };
    let i = r.index.get();
    if i > 0 {
        let key = vm.new_int(i as i64 - 1);
        match vm.get_item(&seq, &key) {
            Ok(v) => {
                r.index.set(i - 1);
                return Ok(Some(v));
            }
            Err(e) if !is_index_or_stop(vm, &e) => return Err(e),
            Err(_) => {}
        }
    }
    r.index.set(0);
    cell_set(&r.seq, None);
    Ok(None)
}

fn reversed_length_hint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (r, _) = method_self::<ReversedObj>(vm, &args, "reversed", "__length_hint__")?;
    let Some(seq) = cell_get(&r.seq) else { return Ok(vm.new_int(0)) };
    let size = vm.len(&seq)?;
    let pos = r.index.get();
    Ok(vm.new_int(if size < pos { 0 } else { pos as i64 }))
}

fn reversed_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(r) = o.downcast::<ReversedObj>() {
        cell_visit(&r.seq, visit);
    }
}

// ----- dunder wrappers for builtin slots -----

/// The builtin type a dunder wrapper was made for (const-generic selector,
/// because a `NativeFn` carries no data).
fn builtin_type(vm: &Vm, k: u8) -> &TypeRef {
    let t = &vm.types;
    match k {
        0 => &t.list,
        1 => &t.tuple,
        2 => &t.dict,
        3 => &t.set,
        4 => &t.frozenset,
        5 => &t.range,
        6 => &t.dict_keys,
        7 => &t.dict_values,
        8 => &t.dict_items,
        9 => &t.seq_iter,
        10 => &t.list_iter,
        11 => &t.list_reverseiter,
        12 => &t.tuple_iter,
        13 => &t.range_iter,
        14 => &t.dict_keyiter,
        15 => &t.dict_valueiter,
        16 => &t.dict_itemiter,
        17 => &t.set_iter,
        18 => &t.enumerate,
        19 => &t.zip,
        20 => &t.map,
        21 => &t.filter,
        22 => &t.reversed,
        23 => &t.callable_iter,
        _ => &t.slice,
    }
}

/// The const-generic selector of a builtin type (see [`builtin_type`]).
fn type_key(vm: &Vm, ty: &TypeRef) -> Option<u8> {
    (0..=24u8).find(|k| std::ptr::eq(&**builtin_type(vm, *k), &**ty))
}

fn check_self<'a, const K: u8>(vm: &Vm, args: &FuncArgs<'a>, name: &str, nargs: usize) -> PyResult<&'a [PyRef]> {
    let ty = builtin_type(vm, K);
    let pos = args.positional();
    let Some(first) = pos.first() else {
        return Err(vm.type_error(format!("descriptor '{name}' of '{}' object needs an argument", ty.name())));
    };
    if !first.ty().is_subtype(ty) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            ty.name(),
            first.ty().name()
        )));
    }
    if !args.kwnames.is_empty() && name != "__init__" {
        return Err(vm.type_error(format!("{}.{name}() takes no keyword arguments", ty.name())));
    }
    if name != "__init__" && pos.len() != nargs + 1 {
        return Err(vm.type_error(format!("expected {nargs} argument{}, got {}", if nargs == 1 { "" } else { "s" }, pos.len() - 1)));
    }
    Ok(pos)
}

fn w_len<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__len__", 0)?;
    let f = builtin_type(vm, K).slots().len.ok_or_else(|| vm.type_error("no __len__"))?;
    Ok(vm.new_int(f(vm, &p[0])? as i64))
}
fn w_repr<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__repr__", 0)?;
    let f = builtin_type(vm, K).slots().repr.ok_or_else(|| vm.type_error("no __repr__"))?;
    f(vm, &p[0])
}
fn w_hash<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__hash__", 0)?;
    let f = builtin_type(vm, K).slots().hash.ok_or_else(|| vm.type_error("unhashable"))?;
    Ok(vm.new_int(f(vm, &p[0])?))
}
fn w_iter<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__iter__", 0)?;
    let f = builtin_type(vm, K).slots().iter.ok_or_else(|| vm.type_error("no __iter__"))?;
    f(vm, &p[0])
}
fn w_next<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__next__", 0)?;
    let f = builtin_type(vm, K).slots().iternext.ok_or_else(|| vm.type_error("no __next__"))?;
    f(vm, &p[0])?.ok_or_else(|| vm.stop_iteration(None))
}
fn w_bool<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__bool__", 0)?;
    let f = builtin_type(vm, K).slots().bool.ok_or_else(|| vm.type_error("no __bool__"))?;
    Ok(vm.new_bool(f(vm, &p[0])?))
}
fn w_getitem<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__getitem__", 1)?;
    let f = builtin_type(vm, K).slots().getitem.ok_or_else(|| vm.type_error("no __getitem__"))?;
    f(vm, &p[0], &p[1])
}
fn w_setitem<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__setitem__", 2)?;
    let f = builtin_type(vm, K).slots().setitem.ok_or_else(|| vm.type_error("no __setitem__"))?;
    f(vm, &p[0], &p[1], Some(p[2].clone()))?;
    Ok(vm.none())
}
fn w_delitem<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__delitem__", 1)?;
    let f = builtin_type(vm, K).slots().setitem.ok_or_else(|| vm.type_error("no __delitem__"))?;
    f(vm, &p[0], &p[1], None)?;
    Ok(vm.none())
}
fn w_contains<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__contains__", 1)?;
    let f = builtin_type(vm, K).slots().contains.ok_or_else(|| vm.type_error("no __contains__"))?;
    Ok(vm.new_bool(f(vm, &p[0], &p[1])?))
}
fn w_init<const K: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "__init__", 0)?;
    let f = builtin_type(vm, K).slots().init.ok_or_else(|| vm.type_error("no __init__"))?;
    f(vm, &p[0], FuncArgs { args: &a.args[1..], kwnames: a.kwnames })?;
    Ok(vm.none())
}
fn w_cmp<const K: u8, const OP: u8>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let op = CmpOp::from_arg(OP as u32);
    let p = check_self::<K>(vm, &a, op.dunder(), 1)?;
    let f = builtin_type(vm, K).slots().richcompare.ok_or_else(|| vm.type_error("no comparison"))?;
    f(vm, &p[0], &p[1], op)
}

/// Binary operator selector for [`w_bin`].
fn bin_slot(s: &Slots, op: u8) -> Option<crate::types::typeobj::BinaryFn> {
    match op {
        0 => s.add,
        1 => s.mul,
        2 => s.and,
        3 => s.or,
        4 => s.xor,
        _ => s.sub,
    }
}
fn w_bin<const K: u8, const OP: u8, const REFLECTED: bool>(vm: &Vm, a: FuncArgs<'_>) -> PyResult {
    let p = check_self::<K>(vm, &a, "operator", 1)?;
    let f = bin_slot(builtin_type(vm, K).slots(), OP).ok_or_else(|| vm.type_error("no operator"))?;
    if REFLECTED {
        f(vm, &p[1], &p[0])
    } else {
        f(vm, &p[0], &p[1])
    }
}

/// Expose the slots a builtin type has as dunder methods (`list.__len__`,
/// `dict.__getitem__`, `set.__or__` ...), so `super().__getitem__(k)` and
/// explicit dunder calls work. Each wrapper calls the slot of the type it
/// was made for (never the instance's, which may be a Python override).
/// Call after the type's slots are installed. Types outside the builtin
/// table get nothing.
pub(crate) fn add_sequence_dunders(vm: &Vm, ty: &TypeRef) {
    match type_key(vm, ty) {
        Some(0) => add_dunders::<0>(vm, ty),
        Some(1) => add_dunders::<1>(vm, ty),
        Some(2) => add_dunders::<2>(vm, ty),
        Some(3) => add_dunders::<3>(vm, ty),
        Some(4) => add_dunders::<4>(vm, ty),
        Some(5) => add_dunders::<5>(vm, ty),
        Some(6) => add_dunders::<6>(vm, ty),
        Some(7) => add_dunders::<7>(vm, ty),
        Some(8) => add_dunders::<8>(vm, ty),
        Some(9) => add_dunders::<9>(vm, ty),
        Some(10) => add_dunders::<10>(vm, ty),
        Some(11) => add_dunders::<11>(vm, ty),
        Some(12) => add_dunders::<12>(vm, ty),
        Some(13) => add_dunders::<13>(vm, ty),
        Some(14) => add_dunders::<14>(vm, ty),
        Some(15) => add_dunders::<15>(vm, ty),
        Some(16) => add_dunders::<16>(vm, ty),
        Some(17) => add_dunders::<17>(vm, ty),
        Some(18) => add_dunders::<18>(vm, ty),
        Some(19) => add_dunders::<19>(vm, ty),
        Some(20) => add_dunders::<20>(vm, ty),
        Some(21) => add_dunders::<21>(vm, ty),
        Some(22) => add_dunders::<22>(vm, ty),
        Some(23) => add_dunders::<23>(vm, ty),
        Some(24) => add_dunders::<24>(vm, ty),
        _ => {}
    }
}

fn add_dunders<const K: u8>(vm: &Vm, ty: &TypeRef) {
    let s = *ty.slots();
    let absent = |name: &str| vm.dict_get_str(ty.dict(), name).is_none();
    let add = |name: &'static str, f: crate::types::typeobj::NativeFn| {
        if absent(name) {
            vm.add_method(ty, name, f);
        }
    };
    if s.len.is_some() {
        add("__len__", w_len::<K>);
    }
    if s.repr.is_some() && !std::ptr::eq(&**ty, &*vm.types.object) {
        add("__repr__", w_repr::<K>);
    }
    if s.hash.is_some() && !matches!(K, 9..=23) {
        add("__hash__", w_hash::<K>);
    }
    if s.bool.is_some() {
        add("__bool__", w_bool::<K>);
    }
    if s.iter.is_some() {
        add("__iter__", w_iter::<K>);
    }
    if s.iternext.is_some() {
        add("__next__", w_next::<K>);
    }
    if s.getitem.is_some() {
        add("__getitem__", w_getitem::<K>);
    }
    if s.setitem.is_some() {
        add("__setitem__", w_setitem::<K>);
        add("__delitem__", w_delitem::<K>);
    }
    if s.contains.is_some() {
        add("__contains__", w_contains::<K>);
    }
    if s.init.is_some() {
        add("__init__", w_init::<K>);
    }
    if s.richcompare.is_some() && !matches!(K, 9..=23) {
        add("__lt__", w_cmp::<K, 0>);
        add("__le__", w_cmp::<K, 1>);
        add("__eq__", w_cmp::<K, 2>);
        add("__ne__", w_cmp::<K, 3>);
        add("__gt__", w_cmp::<K, 4>);
        add("__ge__", w_cmp::<K, 5>);
    }
    if s.add.is_some() {
        add("__add__", w_bin::<K, 0, false>);
    }
    if s.mul.is_some() {
        add("__mul__", w_bin::<K, 1, false>);
        add("__rmul__", w_bin::<K, 1, true>);
    }
    let names = [("__and__", "__rand__"), ("__or__", "__ror__"), ("__xor__", "__rxor__"), ("__sub__", "__rsub__")];
    let fns: [[crate::types::typeobj::NativeFn; 2]; 4] = [
        [w_bin::<K, 2, false>, w_bin::<K, 2, true>],
        [w_bin::<K, 3, false>, w_bin::<K, 3, true>],
        [w_bin::<K, 4, false>, w_bin::<K, 4, true>],
        [w_bin::<K, 5, false>, w_bin::<K, 5, true>],
    ];
    for (i, (l, r)) in names.into_iter().enumerate() {
        if bin_slot(&s, i as u8 + 2).is_some() {
            add(l, fns[i][0]);
            add(r, fns[i][1]);
        }
    }
}

/// Install an iterator type's slots (`__iter__` returns self) and dunders.
fn iterator_type(vm: &Vm, ty: &TypeRef, slots: Slots) {
    vm.set_type_slots(ty, Slots { iter: Some(iter_self), ..slots });
    add_sequence_dunders(vm, ty);
}

/// Install the slots and methods of every iterator type in this module.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types;
    let it = |next, traverse| Slots { iternext: Some(next), traverse, ..Default::default() };
    iterator_type(vm, &t.seq_iter, it(seqiter_next, Some(seqiter_traverse)));
    vm.add_method(&t.seq_iter, "__length_hint__", seqiter_length_hint);
    for ty in [&t.list_iter, &t.list_reverseiter] {
        iterator_type(vm, ty, it(listiter_next, Some(listiter_traverse)));
        vm.add_method(ty, "__length_hint__", listiter_length_hint);
    }
    iterator_type(vm, &t.tuple_iter, it(tupleiter_next, Some(tupleiter_traverse)));
    vm.add_method(&t.tuple_iter, "__length_hint__", tupleiter_length_hint);
    iterator_type(vm, &t.range_iter, it(rangeiter_next, None));
    vm.add_method(&t.range_iter, "__length_hint__", rangeiter_length_hint);
    iterator_type(vm, &t.callable_iter, it(calliter_next, Some(calliter_traverse)));
    iterator_type(vm, &t.enumerate, Slots { new: Some(enumerate_new), ..it(enumerate_next, Some(enumerate_traverse)) });
    iterator_type(vm, &t.zip, Slots { new: Some(zip_new), ..it(zip_next, Some(zip_traverse)) });
    iterator_type(vm, &t.map, Slots { new: Some(map_new), ..it(map_next, Some(map_traverse)) });
    iterator_type(vm, &t.filter, Slots { new: Some(filter_new), ..it(filter_next, Some(filter_traverse)) });
    iterator_type(vm, &t.reversed, Slots { new: Some(reversed_new), ..it(reversed_next, Some(reversed_traverse)) });
    vm.add_method(&t.reversed, "__length_hint__", reversed_length_hint);
}

/// Helpers for the container unit tests.
#[cfg(test)]
pub(crate) mod testutil {
    use crate::object::PyRef;
    use crate::types::typeobj::{FuncArgs, Slots};
    use crate::vm::Vm;

    /// A fresh interpreter; ints get minimal repr/hash slots if the int
    /// module has not installed its own yet.
    pub(crate) fn vm() -> crate::vm::VmBox {
        let vm = Vm::new();
        let t = &vm.types.int;
        if t.slots().hash.is_none() || t.slots().repr.is_none() {
            let s = Slots {
                richcompare: Some(|vm, a, b, op| {
                    let (Some(x), Some(y)) = (vm.small_int_of(a), vm.small_int_of(b)) else {
                        return Ok(vm.not_implemented.clone());
                    };
                    use crate::types::typeobj::CmpOp;
                    use std::cmp::Ordering::{Equal, Greater, Less};
                    let c = x.cmp(&y);
                    Ok(vm.new_bool(match op {
                        CmpOp::Lt => c == Less,
                        CmpOp::Le => c != Greater,
                        CmpOp::Eq => c == Equal,
                        CmpOp::Ne => c != Equal,
                        CmpOp::Gt => c == Greater,
                        CmpOp::Ge => c != Less,
                    }))
                }),
                hash: Some(|vm, o| Ok(vm.small_int_of(o).map_or(0, |v| if v == -1 { -2 } else { v }))),
                bool: Some(|vm, o| Ok(vm.small_int_of(o) != Some(0))),
                repr: Some(|vm, o| Ok(vm.new_string(vm.small_int_of(o).unwrap_or(0).to_string()))),
                ..*t.slots()
            };
            t.set_slots(s);
        }
        let t = &vm.types.str;
        if t.slots().hash.is_none() {
            let s = Slots {
                hash: Some(|vm, o| {
                    let text = vm.str_of(o).unwrap_or_default();
                    Ok(text.bytes().fold(1469598103934665603u64, |h, b| (h ^ b as u64).wrapping_mul(1099511628211)) as i64 >> 1)
                }),
                ..*t.slots()
            };
            t.set_slots(s);
        }
        vm
    }

    /// Build a list of small ints.
    pub(crate) fn ints(vm: &Vm, v: &[i64]) -> PyRef {
        vm.new_list(v.iter().map(|&i| vm.new_int(i)).collect())
    }

    /// `repr(o)` as text (panics on error: tests only).
    pub(crate) fn repr(vm: &Vm, o: &PyRef) -> String {
        vm.repr_string(o).expect("repr")
    }

    /// Call `type(o).name(o, *args)` through the type dict.
    pub(crate) fn call(vm: &Vm, o: &PyRef, name: &str, args: &[PyRef]) -> crate::PyResult {
        let f = vm.lookup_type_str(o.ty(), name).expect("method exists");
        let mut all = vec![o.clone()];
        all.extend(args.iter().cloned());
        vm.call(&f, FuncArgs::pos(&all))
    }

    /// The message of an error's first argument.
    pub(crate) fn err_text(vm: &Vm, e: crate::PyErr) -> String {
        let exc = e.0.downcast::<crate::types::exceptions::ExceptionObj>();
        // SAFETY: short borrow of the args tuple (tests only).
        let args = exc.map(|x| unsafe { (*x.args.get()).clone() });
        let msg = args.and_then(|a| vm.collect(&a).ok()).and_then(|v| v.first().cloned());
        format!("{}: {}", e.0.ty().name(), msg.map(|m| vm.str_of(&m).map(str::to_string).unwrap_or_else(|| repr(vm, &m))).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::{err_text, ints, repr, vm};
    use crate::types::typeobj::FuncArgs;

    #[test]
    fn builtin_iterators() {
        let vm = vm();
        let call = |t: &crate::types::TypeRef, args: &[crate::PyRef]| vm.call(t.as_ref(), FuncArgs::pos(args));
        let a = ints(&vm, &[1, 2]);
        let b = ints(&vm, &[1, 2, 3]);
        let strict = vm.intern("strict");
        let z = vm.call(vm.types.zip.as_ref(), FuncArgs { args: &[a.clone(), b.clone(), vm.true_.clone()], kwnames: &[strict] }).unwrap();
        vm.next(&z).unwrap();
        vm.next(&z).unwrap();
        let e = vm.next(&z).unwrap_err();
        assert_eq!(err_text(&vm, e), "ValueError: zip() argument 2 is longer than argument 1");
        let en = call(&vm.types.enumerate, &[a.clone(), vm.new_int(5)]).unwrap();
        assert_eq!(repr(&vm, &vm.new_list(vm.collect(&en).unwrap())), "[(5, 1), (6, 2)]");
        let r = call(&vm.types.reversed, &[vm.new_tuple(vec![vm.new_int(1), vm.new_int(2)])]).unwrap();
        assert_eq!(repr(&vm, &vm.new_list(vm.collect(&r).unwrap())), "[2, 1]");
        let e = call(&vm.types.reversed, &[vm.new_int(1)]).unwrap_err();
        assert_eq!(err_text(&vm, e), "TypeError: 'int' object is not reversible");
        let f = call(&vm.types.filter, &[vm.none(), ints(&vm, &[0, 1, 0, 2])]).unwrap();
        assert_eq!(repr(&vm, &vm.new_list(vm.collect(&f).unwrap())), "[1, 2]");
        let rl = call(&vm.types.reversed, std::slice::from_ref(&b)).unwrap();
        assert_eq!(rl.ty().name(), "list_reverseiterator");
        assert_eq!(repr(&vm, &vm.new_list(vm.collect(&rl).unwrap())), "[3, 2, 1]");
        let e = call(&vm.types.map, &[vm.none()]).unwrap_err();
        assert_eq!(err_text(&vm, e), "TypeError: map() must have at least two arguments.");
    }
}
