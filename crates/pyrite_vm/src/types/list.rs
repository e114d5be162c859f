//! `list`.

use std::cell::{RefCell, UnsafeCell};

use crate::object::{ObjHeader, PyObject, PyRef};
use crate::types::typeobj::Layout;

/// A `list`.
///
/// The vector is only borrowed inside the accessors of this module, each
/// borrow short and exclusive of any other: while it is alive no Python code
/// runs, no reference is dropped (removed items are dropped after the borrow
/// ends) and no object is allocated (a future collection could traverse or
/// clear the list). Code outside this module uses the safe accessors:
/// [`ListObj::with_items`] and [`ListObj::with_items_mut`] detach the items
/// while their closure runs, so the closure may do anything.
#[repr(C)]
pub struct ListObj {
    /// Header.
    pub ob: ObjHeader,
    /// The items (see above before touching them directly).
    pub items: UnsafeCell<Vec<PyRef>>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for ListObj {
    const LAYOUT: Layout = Layout::List;
}

impl ListObj {
    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: short borrow, no Python code runs.
        unsafe { (*self.items.get()).len() }
    }
    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// A new reference to item `i`, if in range.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<PyRef> {
        // SAFETY: short borrow, no Python code runs (clone only increments).
        unsafe { (&*self.items.get()).get(i).cloned() }
    }
    /// Append an item, growing the capacity with CPython's formula (so
    /// `sys.getsizeof` matches); same as [`ListObj::append`].
    #[inline(always)]
    pub fn push(&self, v: PyRef) {
        self.append(v)
    }
    /// Replace item `i` (must be in range); the old item is dropped after
    /// the borrow ends.
    pub fn set(&self, i: usize, v: PyRef) {
        // SAFETY: short borrow; the old value is dropped after it ends.
        let old = unsafe { std::mem::replace(&mut (&mut *self.items.get())[i], v) };
        drop(old);
    }
    /// A snapshot of the items (new references).
    pub fn to_vec(&self) -> Vec<PyRef> {
        // SAFETY: short borrow, cloning only increments.
        unsafe { (*self.items.get()).clone() }
    }
    /// The capacity of the item vector (CPython's `allocated`).
    pub fn capacity(&self) -> usize {
        // SAFETY: short borrow, no Python code runs.
        unsafe { (*self.items.get()).capacity() }
    }
    /// Replace the whole contents; old items are released last-to-first
    /// after the borrow ends (CPython's order).
    pub fn replace_all(&self, new: Vec<PyRef>) {
        // SAFETY: short borrow; old items dropped after it ends.
        let old = unsafe { std::mem::replace(&mut *self.items.get(), new) };
        drop_reversed(old);
    }
    /// Run `f` on the items. They are detached from the list while `f` runs
    /// (the list is empty meanwhile), so `f` may run any code: a collection
    /// traversing the list sees no items (they are held elsewhere, so it
    /// keeps them), and anything put in the list meanwhile is dropped when
    /// the items are put back (as `sort` does). Closures that run no Python
    /// code see no difference.
    pub fn with_items<R>(&self, f: impl FnOnce(&[PyRef]) -> R) -> R {
        self.detached(|v| f(v))
    }
    /// Run `f` on the item vector, detached from the list as in
    /// [`ListObj::with_items`]. To keep CPython's order of finalizers,
    /// return removed items and drop them afterwards.
    pub fn with_items_mut<R>(&self, f: impl FnOnce(&mut Vec<PyRef>) -> R) -> R {
        self.detached(f)
    }
    fn detached<R>(&self, f: impl FnOnce(&mut Vec<PyRef>) -> R) -> R {
        struct Reattach<'a> {
            list: &'a ListObj,
            items: Vec<PyRef>,
        }
        impl Drop for Reattach<'_> {
            fn drop(&mut self) {
                let items = std::mem::take(&mut self.items);
                // SAFETY: short borrow; what was put in the list meanwhile is
                // dropped after it ends.
                let intruders = unsafe { std::mem::replace(&mut *self.list.items.get(), items) };
                drop_reversed(intruders);
            }
        }
        // SAFETY: short borrow, nothing dropped.
        let items = unsafe { std::mem::take(&mut *self.items.get()) };
        let mut r = Reattach { list: self, items };
        f(&mut r.items)
    }
    /// The item vector, borrowed.
    ///
    /// # Safety
    /// While the result is used, no other reference to the vector may exist
    /// or be made: the caller runs no Python code, drops no reference
    /// (removed items are dropped after the borrow), allocates no object and
    /// does not reach this list through another path.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    unsafe fn items_mut(&self) -> &mut Vec<PyRef> {
        // SAFETY: exclusive by the caller's contract.
        unsafe { &mut *self.items.get() }
    }
}

/// Release items from the last to the first, as CPython's list dealloc does.
pub fn drop_reversed(mut v: Vec<PyRef>) {
    while let Some(x) = v.pop() {
        drop(x);
    }
}

impl Drop for ListObj {
    fn drop(&mut self) {
        drop_reversed(std::mem::take(self.items.get_mut()));
    }
}

// ---------------------------------------------------------------------------
// Python-facing behaviour of `list`.

use crate::object::{alloc_object, PyPayload};
use crate::types::iter::{length_hint, list_iter_new};
use crate::types::slice::{slice_indices, SliceObj};
use crate::types::typeobj::{CmpOp, FuncArgs, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

// ----- argument helpers shared by the container modules -----

/// Split a method's arguments into its `self` payload and positional
/// arguments, rejecting keywords. Errors use CPython's descriptor messages.
pub(crate) fn method_self<'a, T: PyPayload>(
    vm: &Vm,
    args: &FuncArgs<'a>,
    tyname: &str,
    meth: &str,
) -> PyResult<(&'a T, &'a [PyRef])> {
    let pos = args.positional();
    let Some(first) = pos.first() else {
        return Err(vm.type_error(format!("descriptor '{meth}' of '{tyname}' object needs an argument")));
    };
    let Some(me) = first.downcast::<T>() else {
        return Err(vm.type_error(format!(
            "descriptor '{meth}' for '{tyname}' objects doesn't apply to a '{}' object",
            first.ty().name()
        )));
    };
    if !args.kwnames.is_empty() {
        return Err(vm.type_error(format!("{tyname}.{meth}() takes no keyword arguments")));
    }
    Ok((me, &pos[1..]))
}

/// Check a `METH_NOARGS` method's argument count.
pub(crate) fn no_args(vm: &Vm, rest: &[PyRef], qualname: &str) -> PyResult<()> {
    if rest.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{qualname}() takes no arguments ({} given)", rest.len())))
    }
}

/// Check a `METH_O` method's argument count and return the argument.
pub(crate) fn one_arg<'a>(vm: &Vm, rest: &'a [PyRef], qualname: &str) -> PyResult<&'a PyRef> {
    match rest {
        [x] => Ok(x),
        _ => Err(vm.type_error(format!("{qualname}() takes exactly one argument ({} given)", rest.len()))),
    }
}

/// Check an argument-clinic style positional count (`name expected at most 1 argument, got 2`).
pub(crate) fn arg_count(vm: &Vm, rest: &[PyRef], name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = rest.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if min == max && n != min {
        return Err(vm.type_error(format!("{name} expected {min} argument{}, got {n}", plural(min))));
    }
    if n < min {
        return Err(vm.type_error(format!("{name} expected at least {min} argument{}, got {n}", plural(min))));
    }
    if n > max {
        return Err(vm.type_error(format!("{name} expected at most {max} argument{}, got {n}", plural(max))));
    }
    Ok(())
}

/// An index-like key as `isize`: `Ok(None)` when `key` has no `__index__`.
/// Ints too large for an index raise `IndexError` (CPython's
/// `PyNumber_AsSsize_t(key, PyExc_IndexError)`).
pub(crate) fn seq_index(vm: &Vm, key: &PyRef) -> PyResult<Option<isize>> {
    if let Some(v) = vm.small_int_of(key) {
        return isize::try_from(v).map(Some).map_err(|_| too_big_index(vm, key));
    }
    if key.ty().slots().index.is_none() && key.ty().layout != crate::types::typeobj::Layout::Int {
        return Ok(None);
    }
    let i = vm.index(key)?;
    match vm.small_int_of(&i).and_then(|v| isize::try_from(v).ok()) {
        Some(v) => Ok(Some(v)),
        None => Err(too_big_index(vm, &i)),
    }
}

fn too_big_index(vm: &Vm, key: &PyRef) -> crate::PyErr {
    vm.index_error(format!("cannot fit '{}' into an index-sized integer", key.ty().name()))
}

/// A count-like argument as `isize` (OverflowError when too big, as clinic's `Py_ssize_t`).
pub(crate) fn ssize_arg(vm: &Vm, o: &PyRef) -> PyResult<isize> {
    let i = vm.index(o)?;
    match vm.small_int_of(&i).and_then(|v| isize::try_from(v).ok()) {
        Some(v) => Ok(v),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Normalise a possibly negative index against `len`.
pub(crate) fn norm_index(i: isize, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as isize } else { i };
    (0..len as isize).contains(&i).then_some(i as usize)
}

/// A `start`/`stop` argument of `index()`: clamped into `0..=len`.
pub(crate) fn clamp_bound(vm: &Vm, o: Option<&PyRef>, default: usize, len: usize) -> PyResult<usize> {
    let Some(o) = o else { return Ok(default) };
    let v = match crate::types::slice::slice_index(vm, o) {
        Ok(Some(v)) => v,
        Ok(None) | Err(_) => {
            return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
        }
    };
    let v = if v < 0 { (v.saturating_add(len as isize)).max(0) } else { v };
    Ok((v as usize).min(len))
}

/// A MemoryError (repetition too large).
pub(crate) fn memory_error(vm: &Vm) -> crate::PyErr {
    vm.new_exception(&vm.exc.memory_error, vec![])
}

/// CPython's sequence rich comparison (list/tuple): the first differing
/// item decides, else the lengths. `item(i)` is `None` past the end; the
/// lengths are re-read after every call into Python code.
pub(crate) fn seq_richcompare(
    vm: &Vm,
    a: &dyn Fn(usize) -> Option<PyRef>,
    b: &dyn Fn(usize) -> Option<PyRef>,
    len_a: &dyn Fn() -> usize,
    len_b: &dyn Fn() -> usize,
    op: CmpOp,
) -> PyResult {
    let mut i = 0;
    let (x, y) = loop {
        let (Some(x), Some(y)) = (a(i), b(i)) else {
            let (la, lb) = (len_a(), len_b());
            let r = match op {
                CmpOp::Lt => la < lb,
                CmpOp::Le => la <= lb,
                CmpOp::Eq => la == lb,
                CmpOp::Ne => la != lb,
                CmpOp::Gt => la > lb,
                CmpOp::Ge => la >= lb,
            };
            return Ok(vm.new_bool(r));
        };
        if !x.is(&y) && !vm.eq(&x, &y)? {
            break (x, y);
        }
        i += 1;
    };
    match op {
        CmpOp::Eq => Ok(vm.false_.clone()),
        CmpOp::Ne => Ok(vm.true_.clone()),
        _ => vm.rich_compare(&x, &y, op),
    }
}

// ----- capacity bookkeeping (CPython's list_resize) -----

/// The capacity CPython's `list_resize` gives a list of `old_len` items and
/// capacity `allocated` resized to `newsize`; `None` when it keeps the
/// current allocation.
fn resize_capacity(allocated: usize, old_len: usize, newsize: usize) -> Option<usize> {
    if allocated >= newsize && newsize >= (allocated >> 1) {
        return None;
    }
    let mut new_allocated = newsize.saturating_add((newsize >> 3) + 6) & !3;
    if newsize.saturating_sub(old_len) > new_allocated.saturating_sub(newsize) {
        new_allocated = newsize.saturating_add(3) & !3;
    }
    if newsize == 0 {
        new_allocated = 0;
    }
    Some(new_allocated)
}

thread_local! {
    /// The lists being sorted on this thread (the address of their item
    /// vector, which is empty during the sort) and whether each was given
    /// storage since its sort began: CPython sets `allocated` to -1 for the
    /// sort and any resize resets it, which `sort` reports as a modification
    /// even if the list is empty again by the end.
    static SORTING: RefCell<Vec<(usize, bool)>> = const { RefCell::new(Vec::new()) };
}

/// The item vector `v` of a list, which has no storage, is about to get
/// some: note it if the list is being sorted.
#[cold]
#[inline(never)]
fn note_allocation(v: &Vec<PyRef>) {
    let addr = v as *const Vec<PyRef> as usize;
    SORTING.with(|s| {
        for e in s.borrow_mut().iter_mut().filter(|e| e.0 == addr) {
            e.1 = true;
        }
    });
}

/// Adjust the capacity of `v` the way CPython's `list_resize` changes
/// `allocated` when a list of `old_len` items is resized to `newsize`.
/// Call before growing (len == old_len) or after shrinking (len == newsize).
fn list_resize(v: &mut Vec<PyRef>, old_len: usize, newsize: usize) {
    match resize_capacity(v.capacity(), old_len, newsize) {
        Some(n) if n > v.capacity() => {
            if v.capacity() == 0 {
                note_allocation(v);
            }
            v.reserve_exact(n - v.len())
        }
        Some(n) => v.shrink_to(n),
        None => {}
    }
}

/// The growing half of [`list_resize`], reporting failure instead of
/// aborting: room for `newsize` items in a list of `old_len` items.
fn try_grow(v: &mut Vec<PyRef>, old_len: usize, newsize: usize) -> Result<(), std::collections::TryReserveError> {
    match resize_capacity(v.capacity(), old_len, newsize) {
        Some(c) if c > v.capacity() => {
            if v.capacity() == 0 {
                note_allocation(v);
            }
            v.try_reserve_exact(c - v.len())
        }
        _ => Ok(()),
    }
}

/// Room for `hint` more items before an extend, as CPython's
/// `list_preallocate_exact` (empty list: `hint` rounded up to even) or
/// `list_resize` give it; the hint comes from `__length_hint__`, so a huge
/// one must be a MemoryError rather than an abort.
fn reserve_for_hint(v: &mut Vec<PyRef>, hint: usize) -> Result<(), std::collections::TryReserveError> {
    if v.capacity() == 0 {
        note_allocation(v);
        return v.try_reserve_exact(hint.saturating_add(1) & !1);
    }
    let n = v.len();
    try_grow(v, n, n.saturating_add(hint))
}

/// CPython's `list_preallocate_exact`: an empty list gets room for `n` items (rounded up to even).
fn preallocate_exact(v: &mut Vec<PyRef>, n: usize) {
    if v.capacity() == 0 {
        note_allocation(v);
    }
    v.reserve_exact((n + 1) & !1);
}

impl ListObj {
    /// `list.append` with CPython's capacity growth.
    #[inline]
    pub fn append(&self, item: PyRef) {
        // SAFETY: resizing and pushing run no Python code and drop nothing.
        let v = unsafe { self.items_mut() };
        if v.len() == v.capacity() {
            let n = v.len();
            list_resize(v, n, n + 1);
        }
        v.push(item);
    }

    /// Remove and return the items in `lo..hi` (clamped), shrinking the capacity
    /// as CPython does. The caller drops the returned items.
    fn take_range(&self, lo: usize, hi: usize) -> Vec<PyRef> {
        // SAFETY: the removed items are moved out, not dropped; resizing runs
        // no Python code.
        let v = unsafe { self.items_mut() };
        let hi = hi.min(v.len());
        let lo = lo.min(hi);
        let old = v.len();
        let removed: Vec<PyRef> = v.drain(lo..hi).collect();
        let n = v.len();
        list_resize(v, old, n);
        removed
    }

    /// Replace `lo..hi` (clamped, `hi >= lo`) by `new` items; returns the old items.
    fn splice_range(&self, lo: usize, hi: usize, new: Vec<PyRef>) -> Vec<PyRef> {
        // SAFETY: as in `take_range`; the new items are moved in.
        let v = unsafe { self.items_mut() };
        let hi = hi.min(v.len());
        let lo = lo.min(hi);
        let old = v.len();
        let newsize = old - (hi - lo) + new.len();
        if newsize > old {
            list_resize(v, old, newsize);
        }
        let removed: Vec<PyRef> = v.splice(lo..hi, new).collect();
        if newsize < old {
            list_resize(v, old, newsize);
        }
        removed
    }

    /// `append` that reports running out of memory (MemoryError) instead
    /// of aborting.
    pub fn try_append(&self, item: PyRef) -> Result<(), std::collections::TryReserveError> {
        // SAFETY: as in `append`.
        let v = unsafe { self.items_mut() };
        let n = v.len();
        if n == v.capacity() {
            try_grow(v, n, n + 1)?;
        }
        v.push(item);
        Ok(())
    }

    /// `list.extend(iterable)` (runs Python code when iterating).
    pub fn extend(&self, vm: &Vm, iterable: &PyRef) -> PyResult<()> {
        let exact = std::ptr::eq(iterable.ty(), &*vm.types.list) || std::ptr::eq(iterable.ty(), &*vm.types.tuple);
        if exact || std::ptr::eq(iterable.as_ptr(), self.ob.addr()) {
            let items = vm.collect(iterable)?;
            if items.is_empty() {
                return Ok(());
            }
            // SAFETY: resizing and moving the new items in run no Python code
            // and drop nothing.
            let v = unsafe { self.items_mut() };
            if v.capacity() == 0 {
                preallocate_exact(v, items.len());
            } else {
                let n = v.len();
                list_resize(v, n, n + items.len());
            }
            v.extend(items);
            return Ok(());
        }
        let it = vm.iter(iterable)?;
        let hint = length_hint(vm, iterable, 8)?;
        // SAFETY: reserving runs no Python code and drops nothing.
        if hint > 0 && reserve_for_hint(unsafe { self.items_mut() }, hint).is_err() {
            return Err(memory_error(vm));
        }
        while let Some(x) = vm.next(&it)? {
            self.try_append(x).map_err(|_| memory_error(vm))?;
        }
        // SAFETY: as above.
        let v = unsafe { self.items_mut() };
        if v.len() < v.capacity() {
            let n = v.len();
            list_resize(v, n, n);
        }
        Ok(())
    }
}

// ----- slots -----

fn lst<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a ListObj> {
    o.downcast::<ListObj>()
        .ok_or_else(|| vm.type_error(format!("descriptor requires a 'list' object but received a '{}'", o.ty().name())))
}

/// `list(iterable)`: a new exact list filled like CPython's `list_extend`
/// (so its capacity, and `sys.getsizeof`, match).
pub fn list_from_iterable(vm: &Vm, iterable: &PyRef) -> PyResult<PyRef> {
    let r = vm.new_list(Vec::new());
    lst(vm, &r)?.extend(vm, iterable)?;
    Ok(r)
}

/// `cls[args]` on builtin container classes (annotations such as
/// `list[int]`): returns the class itself (no `types.GenericAlias` yet).
pub(crate) fn class_getitem(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    match args.positional() {
        [cls, _] => Ok(cls.clone()),
        a => Err(vm.type_error(format!(
            "__class_getitem__() takes exactly one argument ({} given)",
            a.len().saturating_sub(1)
        ))),
    }
}

/// A new list of type `ty` (list or a subclass) holding `items`.
pub fn new_list_of_type(ty: &TypeRef, items: Vec<PyRef>) -> PyRef {
    alloc_object(ty, |ob| ListObj { ob, items: UnsafeCell::new(items) })
}

fn list_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let l = lst(vm, o)?;
    if l.is_empty() {
        return Ok(vm.new_str("[]"));
    }
    if !vm.repr_enter(o) {
        return Ok(vm.new_str("[...]"));
    }
    let r = (|| {
        let mut s = String::from("[");
        let mut i = 0;
        while let Some(x) = l.get(i) {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&vm.repr_string(&x)?);
            i += 1;
        }
        s.push(']');
        Ok(vm.new_string(s))
    })();
    vm.repr_leave(o);
    r
}

fn list_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<ListObj>(), b.downcast::<ListObj>()) else {
        return Ok(vm.not_implemented.clone());
    };
    if x.len() != y.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.new_bool(op == CmpOp::Ne));
    }
    seq_richcompare(vm, &|i| x.get(i), &|i| y.get(i), &|| x.len(), &|| y.len(), op)
}

fn list_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    Ok(lst(vm, o)?.len())
}

fn list_getitem(vm: &Vm, o: &PyRef, key: &PyRef) -> PyResult {
    let l = lst(vm, o)?;
    if let Some(s) = key.downcast::<SliceObj>() {
        let (start, _, step, n) = slice_indices(vm, s, l.len())?;
        let mut items = Vec::with_capacity(n);
        l.with_items(|v| items.extend((0..n).filter_map(|k| v.get((start + k as isize * step) as usize).cloned())));
        return Ok(vm.new_list(items));
    }
    match seq_index(vm, key)? {
        Some(i) => norm_index(i, l.len())
            .and_then(|i| l.get(i))
            .ok_or_else(|| vm.index_error("list index out of range")),
        None => Err(vm.type_error(format!("list indices must be integers or slices, not {}", key.ty().name()))),
    }
}

fn list_setitem(vm: &Vm, o: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let l = lst(vm, o)?;
    if let Some(s) = key.downcast::<SliceObj>() {
        return list_set_slice(vm, o, l, s, value);
    }
    let Some(i) = seq_index(vm, key)? else {
        return Err(vm.type_error(format!("list indices must be integers or slices, not {}", key.ty().name())));
    };
    let Some(i) = norm_index(i, l.len()) else {
        return Err(vm.index_error("list assignment index out of range"));
    };
    match value {
        Some(v) => l.set(i, v),
        None => drop(l.take_range(i, i + 1)),
    }
    Ok(())
}

/// The items of an assigned value (`PySequence_Fast` with a custom message).
fn fast_items(vm: &Vm, o: &PyRef, v: &PyRef, msg: &str) -> PyResult<Vec<PyRef>> {
    if v.is(o) {
        return Ok(lst(vm, o)?.to_vec());
    }
    if v.downcast::<ListObj>().is_none() && v.downcast::<crate::types::tuple::TupleObj>().is_none() {
        let s = v.ty().slots();
        if s.iter.is_none() && s.getitem.is_none() {
            return Err(vm.type_error(msg));
        }
    }
    vm.collect(v)
}

fn list_set_slice(vm: &Vm, o: &PyRef, l: &ListObj, s: &SliceObj, value: Option<PyRef>) -> PyResult<()> {
    let (start, stop, step, n) = slice_indices(vm, s, l.len())?;
    if step == 1 {
        let lo = start.max(0) as usize;
        let hi = (stop.max(start)).max(0) as usize;
        let removed = match value {
            None => l.take_range(lo, hi),
            Some(v) => {
                let items = fast_items(vm, o, &v, "can only assign an iterable")?;
                l.splice_range(lo, hi, items)
            }
        };
        drop_reversed(removed);
        return Ok(());
    }
    let indices: Vec<usize> = (0..n).map(|k| (start + k as isize * step) as usize).collect();
    match value {
        None => {
            let removed = l.with_items_mut(|v| {
                let mut sorted = indices.clone();
                sorted.sort_unstable();
                let mut removed = Vec::with_capacity(sorted.len());
                let mut keep = Vec::with_capacity(v.len() - sorted.len().min(v.len()));
                let mut it = sorted.iter().peekable();
                let old = v.len();
                for (i, x) in std::mem::take(v).into_iter().enumerate() {
                    if it.peek() == Some(&&i) {
                        it.next();
                        removed.push(x);
                    } else {
                        keep.push(x);
                    }
                }
                let cap = v.capacity();
                *v = keep;
                v.reserve_exact(cap.saturating_sub(v.len()));
                let newsize = v.len();
                list_resize(v, old, newsize);
                removed
            });
            drop(removed);
            Ok(())
        }
        Some(v) => {
            let items = fast_items(vm, o, &v, "must assign iterable to extended slice")?;
            if items.len() != n {
                return Err(vm.value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    items.len(),
                    n
                )));
            }
            let len = l.len();
            let mut old = Vec::with_capacity(n);
            for (i, x) in indices.into_iter().zip(items) {
                if i < len {
                    l.with_items_mut(|v| old.push(std::mem::replace(&mut v[i], x)));
                }
            }
            drop(old);
            Ok(())
        }
    }
}

fn list_contains(vm: &Vm, o: &PyRef, x: &PyRef) -> PyResult<bool> {
    let l = lst(vm, o)?;
    let mut i = 0;
    while let Some(y) = l.get(i) {
        if y.is(x) || vm.eq(&y, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_iter(vm: &Vm, o: &PyRef) -> PyResult {
    lst(vm, o)?;
    Ok(list_iter_new(vm, o.clone(), false))
}

fn list_add(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some(x) = a.downcast::<ListObj>() else { return Ok(vm.not_implemented.clone()) };
    let Some(y) = b.downcast::<ListObj>() else {
        if b.ty().is_heap() && b.ty().slots().add.is_some() {
            return Ok(vm.not_implemented.clone());
        }
        return Err(vm.type_error(format!("can only concatenate list (not \"{}\") to list", b.ty().name())));
    };
    let mut items = Vec::with_capacity(x.len() + y.len());
    x.with_items(|v| items.extend(v.iter().cloned()));
    y.with_items(|v| items.extend(v.iter().cloned()));
    Ok(vm.new_list(items))
}

/// The repetition count of `seq * n` (`None`: not an int-like operand).
pub(crate) fn repeat_count(vm: &Vm, n: &PyRef) -> PyResult<Option<isize>> {
    if n.ty().slots().index.is_none() && n.ty().layout != crate::types::typeobj::Layout::Int {
        return Ok(None);
    }
    let i = vm.index(n)?;
    match vm.small_int_of(&i).and_then(|v| isize::try_from(v).ok()) {
        Some(v) => Ok(Some(v)),
        None => Err(vm.overflow_error(format!("cannot fit '{}' into an index-sized integer", n.ty().name()))),
    }
}

/// `seq * n` operand dispatch shared by list and tuple: returns the sequence
/// and the count, or `Err(NotImplemented-or-error)`.
pub(crate) fn repeat_operands<'a, T: PyPayload>(
    vm: &Vm,
    a: &'a PyRef,
    b: &'a PyRef,
) -> PyResult<Option<(&'a T, isize)>> {
    let (seq, n) = match (a.downcast::<T>(), b.downcast::<T>()) {
        (Some(s), _) => (s, b),
        (None, Some(s)) => (s, a),
        _ => return Ok(None),
    };
    match repeat_count(vm, n)? {
        Some(k) => Ok(Some((seq, k))),
        None if n.ty().is_heap() && n.ty().slots().mul.is_some() => Ok(None),
        None => Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", n.ty().name()))),
    }
}

/// Repeat `items` `n` times (empty for n <= 0); MemoryError when absurdly large.
pub(crate) fn repeat_items(vm: &Vm, items: &[PyRef], n: isize) -> PyResult<Vec<PyRef>> {
    if n <= 0 || items.is_empty() {
        return Ok(Vec::new());
    }
    let total = items.len().checked_mul(n as usize).filter(|t| *t <= (isize::MAX as usize) / 8);
    let Some(total) = total else { return Err(memory_error(vm)) };
    let mut out = Vec::new();
    out.try_reserve_exact(total).map_err(|_| memory_error(vm))?;
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    Ok(out)
}

fn list_mul(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    let Some((l, n)) = repeat_operands::<ListObj>(vm, a, b)? else { return Ok(vm.not_implemented.clone()) };
    let items = l.to_vec();
    Ok(vm.new_list(repeat_items(vm, &items, n)?))
}

fn list_new(vm: &Vm, cls: &PyRef, _args: FuncArgs<'_>) -> PyResult {
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("list.__new__(X): X is not a type object"))?;
    Ok(new_list_of_type(&t, Vec::new()))
}

fn list_init(vm: &Vm, o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let l = lst(vm, o)?;
    if !args.kwnames.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    arg_count(vm, args.args, "list", 0, 1)?;
    l.replace_all(Vec::new());
    if let Some(it) = args.args.first() {
        l.extend(vm, it)?;
    }
    Ok(vm.none())
}

fn list_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(l) = o.downcast::<ListObj>() {
        l.with_items(|v| v.iter().rev().for_each(|x| visit.visit(x)));
    }
}

fn list_clear_slot(o: &PyObject) {
    if let Some(l) = o.downcast::<ListObj>() {
        l.replace_all(Vec::new());
    }
}

// ----- methods -----

fn m_append(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "append")?;
    l.append(one_arg(vm, rest, "list.append")?.clone());
    Ok(vm.none())
}

fn m_extend(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "extend")?;
    l.extend(vm, one_arg(vm, rest, "list.extend")?)?;
    Ok(vm.none())
}

fn m_iadd(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "__iadd__")?;
    l.extend(vm, one_arg(vm, rest, "list.__iadd__")?)?;
    Ok(args.args[0].clone())
}

fn m_imul(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "__imul__")?;
    let n = one_arg(vm, rest, "list.__imul__")?;
    let Some(n) = repeat_count(vm, n)? else {
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", n.ty().name())));
    };
    if n <= 0 {
        l.replace_all(Vec::new());
    } else if n > 1 {
        let items = repeat_items(vm, &l.to_vec(), n)?;
        let extra = items[l.len().min(items.len())..].to_vec();
        // SAFETY: resizing and moving the new items in run no Python code
        // and drop nothing.
        let v = unsafe { l.items_mut() };
        let len = v.len();
        list_resize(v, len, len + extra.len());
        v.extend(extra);
    }
    Ok(args.args[0].clone())
}

fn m_insert(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "insert")?;
    arg_count(vm, rest, "insert", 2, 2)?;
    let i = ssize_arg(vm, &rest[0])?;
    let item = rest[1].clone();
    // SAFETY: resizing and inserting run no Python code and drop nothing.
    let v = unsafe { l.items_mut() };
    let n = v.len() as isize;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    list_resize(v, n as usize, n as usize + 1);
    v.insert(i, item);
    Ok(vm.none())
}

fn m_pop(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "pop")?;
    arg_count(vm, rest, "pop", 0, 1)?;
    let i = match rest.first() {
        Some(x) => ssize_arg(vm, x)?,
        None => -1,
    };
    if l.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    let Some(i) = norm_index(i, l.len()) else { return Err(vm.index_error("pop index out of range")) };
    let mut removed = l.take_range(i, i + 1);
    removed.pop().ok_or_else(|| vm.index_error("pop index out of range"))
}

fn m_remove(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "remove")?;
    let x = one_arg(vm, rest, "list.remove")?;
    let mut i = 0;
    while let Some(y) = l.get(i) {
        if y.is(x) || vm.eq(&y, x)? {
            drop(l.take_range(i, i + 1));
            return Ok(vm.none());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn m_index(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "index")?;
    arg_count(vm, rest, "index", 1, 3)?;
    let x = &rest[0];
    let start = clamp_bound(vm, rest.get(1), 0, l.len())?;
    let stop = clamp_bound(vm, rest.get(2), l.len(), l.len())?;
    let mut i = start;
    while i < stop {
        let Some(y) = l.get(i) else { break };
        if y.is(x) || vm.eq(&y, x)? {
            return Ok(vm.new_int(i as i64));
        }
        i += 1;
    }
    Err(vm.value_error(format!("{} is not in list", vm.repr_string(x)?)))
}

fn m_count(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "count")?;
    let x = one_arg(vm, rest, "list.count")?;
    let (mut i, mut n) = (0, 0);
    while let Some(y) = l.get(i) {
        if y.is(x) || vm.eq(&y, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn m_clear(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "clear")?;
    no_args(vm, rest, "list.clear")?;
    l.replace_all(Vec::new());
    Ok(vm.none())
}

fn m_copy(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "copy")?;
    no_args(vm, rest, "list.copy")?;
    Ok(vm.new_list(l.to_vec()))
}

fn m_reverse(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "reverse")?;
    no_args(vm, rest, "list.reverse")?;
    l.with_items_mut(|v| v.reverse());
    Ok(vm.none())
}

fn m_reversed(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (_, rest) = method_self::<ListObj>(vm, &args, "list", "__reversed__")?;
    no_args(vm, rest, "list.__reversed__")?;
    Ok(list_iter_new(vm, args.args[0].clone(), true))
}

fn m_sizeof(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (l, rest) = method_self::<ListObj>(vm, &args, "list", "__sizeof__")?;
    no_args(vm, rest, "list.__sizeof__")?;
    Ok(vm.new_int(40 + 8 * l.capacity() as i64))
}

/// `list.sort(*, key=None, reverse=False)`: stable, `<` only.
fn m_sort(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let pos = args.positional();
    let Some(me) = pos.first() else { return Err(vm.type_error("descriptor 'sort' of 'list' object needs an argument")) };
    let l = lst(vm, me)?;
    if pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let (mut key, mut reverse) = (None, false);
    for (k, v) in args.keywords() {
        match vm.str_of(k) {
            Some("key") => key = (!vm.is_none(v)).then(|| v.clone()),
            Some("reverse") => reverse = vm.index_i64(v)? != 0,
            other => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for sort()",
                    other.unwrap_or("?")
                )))
            }
        }
    }
    sort_list(vm, l, key.as_ref(), reverse)?;
    Ok(vm.none())
}

/// Sort a list in place (shared with `sorted()`), as CPython does: the
/// items are taken out and the list is empty while keys and comparisons run
/// (Python code, or a collection traversing the list, sees no item, never a
/// half-sorted or duplicated one); if the list was given storage meanwhile,
/// what it holds is dropped and "list modified during sort" raised.
pub fn sort_list(vm: &Vm, l: &ListObj, key: Option<&PyRef>, reverse: bool) -> PyResult<()> {
    /// Takes the list off `SORTING` (also when unwinding).
    struct Sorting;
    impl Sorting {
        fn start(l: &ListObj) -> Sorting {
            SORTING.with(|s| s.borrow_mut().push((l.items.get() as usize, false)));
            Sorting
        }
        /// Whether the list was given storage during the sort.
        fn finish(self) -> bool {
            std::mem::forget(self);
            SORTING.with(|s| s.borrow_mut().pop()).is_some_and(|e| e.1)
        }
    }
    impl Drop for Sorting {
        fn drop(&mut self) {
            SORTING.with(|s| s.borrow_mut().pop());
        }
    }
    // SAFETY: short borrow, nothing dropped.
    let mut items = unsafe { std::mem::take(l.items_mut()) };
    let sorting = Sorting::start(l);
    let result = sort_vec(vm, &mut items, key, reverse);
    let grown = sorting.finish();
    // SAFETY: short borrow; what was put in meanwhile is dropped after it.
    let intruders = unsafe { std::mem::replace(l.items_mut(), items) };
    let modified = grown || intruders.capacity() != 0;
    drop_reversed(intruders);
    result?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

fn sort_vec(vm: &Vm, items: &mut [PyRef], key: Option<&PyRef>, reverse: bool) -> PyResult<()> {
    if items.len() < 2 {
        if let (Some(k), Some(x)) = (key, items.first()) {
            vm.call_pos(k, std::slice::from_ref(x))?;
        }
        return Ok(());
    }
    let mut pairs: Vec<(PyRef, PyRef)> = Vec::with_capacity(items.len());
    for x in items.iter() {
        let k = match key {
            Some(f) => vm.call_pos(f, std::slice::from_ref(x))?,
            None => x.clone(),
        };
        pairs.push((k, x.clone()));
    }
    if reverse {
        pairs.reverse();
    }
    let r = sort::timsort(&mut pairs, &mut |a: &(PyRef, PyRef), b: &(PyRef, PyRef)| {
        vm.compare_bool(&a.0, &b.0, CmpOp::Lt)
    });
    if reverse {
        pairs.reverse();
    }
    for (slot, (_, v)) in items.iter_mut().zip(pairs) {
        *slot = v;
    }
    r
}

/// Install the slots and methods of `list`.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.list;
    vm.set_type_slots(
        t,
        Slots {
            repr: Some(list_repr),
            richcompare: Some(list_richcompare),
            len: Some(list_len),
            getitem: Some(list_getitem),
            setitem: Some(list_setitem),
            contains: Some(list_contains),
            iter: Some(list_iter),
            add: Some(list_add),
            mul: Some(list_mul),
            new: Some(list_new),
            init: Some(list_init),
            traverse: Some(list_traverse),
            clear: Some(list_clear_slot),
            ..Default::default()
        },
    );
    let mut s = *t.slots();
    s.hash = None;
    t.set_slots(s);
    vm.dict_set_str(t.dict(), "__hash__", vm.none());
    vm.add_method(t, "append", m_append);
    vm.add_method(t, "extend", m_extend);
    vm.add_method(t, "insert", m_insert);
    vm.add_method(t, "pop", m_pop);
    vm.add_method(t, "remove", m_remove);
    vm.add_method(t, "index", m_index);
    vm.add_method(t, "count", m_count);
    vm.add_method(t, "clear", m_clear);
    vm.add_method(t, "copy", m_copy);
    vm.add_method(t, "reverse", m_reverse);
    vm.add_method(t, "sort", m_sort);
    vm.add_method(t, "__reversed__", m_reversed);
    vm.add_method(t, "__sizeof__", m_sizeof);
    vm.add_method(t, "__iadd__", m_iadd);
    vm.add_method(t, "__imul__", m_imul);
    vm.add_classmethod(t, "__class_getitem__", class_getitem);
    crate::types::iter::add_sequence_dunders(vm, t);
}

#[cfg(test)]
mod tests {
    use super::list_resize;

    #[test]
    fn growth_matches_cpython() {
        let vm = crate::vm::Vm::new();
        let mut v = Vec::new();
        let mut caps = Vec::new();
        for i in 0..17 {
            caps.push(v.capacity());
            if v.len() == v.capacity() {
                let n = v.len();
                list_resize(&mut v, n, n + 1);
            }
            v.push(vm.new_int(i));
        }
        assert_eq!(caps, [0, 4, 4, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16]);
    }
}

/// CPython's timsort (used by `list.sort` and `sorted`).
mod sort;

#[cfg(test)]
mod behaviour_tests {
    use crate::types::iter::testutil::{call, err_text, ints, repr, vm};
    use crate::types::slice::new_slice;

    #[test]
    fn repr_index_and_slices() {
        let vm = vm();
        let l = ints(&vm, &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(repr(&vm, &l), "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]");
        let none = vm.none();
        let s = new_slice(&vm, none.clone(), none.clone(), vm.new_int(-3));
        assert_eq!(repr(&vm, &vm.get_item(&l, &s).unwrap()), "[9, 6, 3, 0]");
        let s = new_slice(&vm, vm.new_int(2), vm.new_int(5), none.clone());
        vm.set_item(&l, &s, ints(&vm, &[7])).unwrap();
        assert_eq!(repr(&vm, &l), "[0, 1, 7, 5, 6, 7, 8, 9]");
        let s = new_slice(&vm, none.clone(), none.clone(), vm.new_int(2));
        let e = vm.set_item(&l, &s, ints(&vm, &[1, 2])).unwrap_err();
        assert_eq!(err_text(&vm, e), "ValueError: attempt to assign sequence of size 2 to extended slice of size 4");
        vm.del_item(&l, &s).unwrap();
        assert_eq!(repr(&vm, &l), "[1, 5, 7, 9]");
        let e = vm.get_item(&l, &vm.new_int(10)).unwrap_err();
        assert_eq!(err_text(&vm, e), "IndexError: list index out of range");
        assert_eq!(repr(&vm, &vm.get_item(&l, &vm.new_int(-1)).unwrap()), "9");
        call(&vm, &l, "append", std::slice::from_ref(&l)).unwrap();
        assert_eq!(repr(&vm, &l), "[1, 5, 7, 9, [...]]");
        call(&vm, &l, "pop", &[]).unwrap();
    }

    #[test]
    fn methods_and_sort() {
        let vm = vm();
        let l = ints(&vm, &[3, 1, 2, 1]);
        call(&vm, &l, "sort", &[]).unwrap();
        assert_eq!(repr(&vm, &l), "[1, 1, 2, 3]");
        call(&vm, &l, "insert", &[vm.new_int(-100), vm.new_int(0)]).unwrap();
        call(&vm, &l, "remove", &[vm.new_int(1)]).unwrap();
        assert_eq!(repr(&vm, &l), "[0, 1, 2, 3]");
        assert_eq!(vm.small_int_of(&call(&vm, &l, "index", &[vm.new_int(2)]).unwrap()), Some(2));
        let e = call(&vm, &l, "index", &[vm.new_int(7)]).unwrap_err();
        assert_eq!(err_text(&vm, e), "ValueError: 7 is not in list");
        let e = call(&vm, &l, "remove", &[vm.new_int(7)]).unwrap_err();
        assert_eq!(err_text(&vm, e), "ValueError: list.remove(x): x not in list");
        let e = call(&vm, &ints(&vm, &[]), "pop", &[]).unwrap_err();
        assert_eq!(err_text(&vm, e), "IndexError: pop from empty list");
        let e = call(&vm, &l, "pop", &[vm.new_int(9)]).unwrap_err();
        assert_eq!(err_text(&vm, e), "IndexError: pop index out of range");
        let e = vm.hash(&l).unwrap_err();
        assert_eq!(err_text(&vm, e), "TypeError: unhashable type: 'list'");
        call(&vm, &l, "reverse", &[]).unwrap();
        assert_eq!(repr(&vm, &l), "[3, 2, 1, 0]");
        let e = call(&vm, &l, "append", &[]).unwrap_err();
        assert_eq!(err_text(&vm, e), "TypeError: list.append() takes exactly one argument (0 given)");
    }

    #[test]
    fn sizeof_follows_growth() {
        let vm = vm();
        let l = ints(&vm, &[]);
        let mut sizes = Vec::new();
        for i in 0..10 {
            sizes.push(vm.small_int_of(&call(&vm, &l, "__sizeof__", &[]).unwrap()).unwrap_or(0) + 16);
            call(&vm, &l, "append", &[vm.new_int(i)]).unwrap();
        }
        assert_eq!(sizes, [56, 88, 88, 88, 88, 120, 120, 120, 120, 184]);
        let e = ints(&vm, &[]);
        call(&vm, &e, "extend", &[vm.new_tuple(vec![vm.new_int(1), vm.new_int(2), vm.new_int(3)])]).unwrap();
        assert_eq!(vm.small_int_of(&call(&vm, &e, "__sizeof__", &[]).unwrap()), Some(72));
    }
}

#[cfg(test)]
mod sort_tests {
    use std::cell::RefCell;

    use crate::object::PyRef;
    use crate::types::iter::testutil::{err_text, ints, repr, vm};
    use crate::types::typeobj::FuncArgs;

    thread_local! {
        static TARGET: RefCell<Option<PyRef>> = const { RefCell::new(None) };
    }

    fn meddling_key(vm: &crate::vm::Vm, a: FuncArgs<'_>) -> crate::PyResult {
        if let Some(l) = TARGET.with(|t| t.borrow().clone()) {
            super::lst(vm, &l)?.append(vm.none());
        }
        Ok(a.args[0].clone())
    }

    fn neg_key(vm: &crate::vm::Vm, a: FuncArgs<'_>) -> crate::PyResult {
        Ok(vm.new_int(-vm.small_int_of(&a.args[0]).unwrap_or(0) / 2))
    }

    #[test]
    fn key_reverse_stability_and_mutation() {
        let vm = vm();
        let l = ints(&vm, &[1, 2, 3, 4, 5, 6]);
        let key = vm.new_builtin_function("k", neg_key, None);
        let ll = super::lst(&vm, &l).unwrap();
        super::sort_list(&vm, ll, Some(&key), false).unwrap();
        // keys: 0,-1,-1,-2,-2,-3 -> stable order by key
        assert_eq!(repr(&vm, &l), "[6, 4, 5, 2, 3, 1]");
        super::sort_list(&vm, ll, Some(&key), true).unwrap();
        assert_eq!(repr(&vm, &l), "[1, 2, 3, 4, 5, 6]");
        let meddle = vm.new_builtin_function("m", meddling_key, None);
        TARGET.with(|t| *t.borrow_mut() = Some(l.clone()));
        let e = super::sort_list(&vm, ll, Some(&meddle), false).unwrap_err();
        TARGET.with(|t| *t.borrow_mut() = None);
        assert_eq!(err_text(&vm, e), "ValueError: list modified during sort");
        assert_eq!(repr(&vm, &l), "[1, 2, 3, 4, 5, 6]");
        let gen = super::list_from_iterable(&vm, &vm.new_tuple(vec![vm.new_int(1), vm.new_int(2), vm.new_int(3)])).unwrap();
        assert_eq!(super::lst(&vm, &gen).unwrap().capacity(), 4);
    }
}
