//! Attribute storage of instances of heap types: the `__dict__` cell, and
//! for plain classes (no builtin base but `object`) CPython 3.11's inline
//! values — the names shared once per class ([`SharedKeys`]), the values in
//! a small block per instance ([`InlineValues`]) — until Python code asks
//! for the instance's `__dict__`, which then becomes an ordinary dict.
//!
//! An instance holds at most one of the two: once its dict cell is set,
//! the values cell is empty for good.

use std::cell::{RefCell, UnsafeCell};

use crate::object::gc::Visitor;
use crate::object::{InlineValues, PyObject, PyRef, MAX_INLINE_VALUES};
use crate::types::dict::DictObj;
use crate::types::str::StrObj;
use crate::vm::Vm;
use crate::PyResult;

/// Most names a class shares among its instances (CPython 3.11's
/// `SHARED_KEYS_MAX_SIZE`); an instance that needs another one gets a dict.
pub const MAX_SHARED_KEYS: usize = 30;
const _: () = assert!(MAX_SHARED_KEYS <= MAX_INLINE_VALUES);

/// The attribute names of a class's instances, in the order first set:
/// append-only, so a key index stays valid for the class's lifetime. Every
/// key is an exact `str`, so comparing keys never runs Python code.
#[derive(Default)]
pub struct SharedKeys {
    keys: RefCell<Vec<(i64, PyRef)>>,
}

/// The text and hash of an attribute name.
fn name_parts(name: &PyRef) -> Option<(&str, i64)> {
    let s = name.downcast::<StrObj>()?;
    Some((s.as_str(), crate::ops::str_hash(s)))
}

impl SharedKeys {
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.keys.borrow().len()
    }

    /// Whether there is no key yet.
    pub fn is_empty(&self) -> bool {
        self.keys.borrow().is_empty()
    }

    /// The index of `name` (a `str`, possibly a subclass instance): one
    /// pass that compares identity first (names are usually interned), then
    /// the cached hash, and the text only when the hashes agree.
    #[inline]
    pub fn index_of(&self, name: &PyRef) -> Option<usize> {
        let (text, hash) = name_parts(name)?;
        let keys = self.keys.borrow();
        keys.iter().position(|(h, k)| k.is(name) || (*h == hash && k.downcast::<StrObj>().is_some_and(|k| k.as_str() == text)))
    }

    /// The index of `name`, added if it is new and there is room; `None`
    /// if it cannot be a shared key (full, or not an exact `str`).
    fn index_or_add(&self, vm: &Vm, name: &PyRef) -> Option<usize> {
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        if !std::ptr::eq(name.ty(), &*vm.types.str) || self.len() >= MAX_SHARED_KEYS {
            return None;
        }
        let (_, hash) = name_parts(name)?;
        let mut keys = self.keys.borrow_mut();
        keys.push((hash, name.clone()));
        Some(keys.len() - 1)
    }

    /// The key at `ix`.
    pub fn key(&self, ix: usize) -> Option<PyRef> {
        self.keys.borrow().get(ix).map(|(_, k)| k.clone())
    }
}

/// The values cell of `o`, if its type keeps inline values.
fn values_cell(o: &PyObject) -> Option<&UnsafeCell<Option<InlineValues>>> {
    o.ty().values_slot(o)
}

/// Run `f` on `o`'s inline values, if it has any. `f` must not run Python
/// code or touch `o`'s attribute cells (it may return values to drop).
fn with_values<R>(o: &PyObject, f: impl FnOnce(&InlineValues) -> R) -> Option<R> {
    let cell = values_cell(o)?;
    // SAFETY: the cell is replaced only by `set_value`, `take_values` and
    // `materialize`, never while this shared borrow is alive: `f` runs no
    // Python code and does not reach this function's callers.
    unsafe { (*cell.get()).as_ref().map(f) }
}

/// The value of attribute `name` kept inline in `o` (a new reference).
#[inline]
fn get_value(o: &PyObject, name: &PyRef) -> Option<PyRef> {
    let ix = o.ty().shared_keys.index_of(name)?;
    with_values(o, |v| v.get(ix)).flatten()
}

/// Store attribute `name = v` inline in `o` (whose type keeps inline values
/// and whose dict cell is empty): `Ok` with the replaced value, for the
/// caller to drop; `Err(v)` when the instance needs a dict instead (no room
/// for another shared key, or the name is not an exact `str`).
fn set_value(vm: &Vm, o: &PyObject, name: &PyRef, v: PyRef) -> Result<Option<PyRef>, PyRef> {
    let ty = o.ty();
    let Some(cell) = values_cell(o) else { return Err(v) };
    let Some(ix) = ty.shared_keys.index_or_add(vm, name) else { return Err(v) };
    // SAFETY: no borrow of the cell is alive (see `with_values`); the block
    // is swapped or written without running Python code, and the replaced
    // value is dropped by the caller after this returns.
    unsafe {
        let slot = &mut *cell.get();
        let cap = ty.shared_keys.len().max(ix + 1);
        let values = match slot.take() {
            Some(block) if ix < block.capacity() => block,
            Some(block) => block.grown(cap),
            None => InlineValues::with_capacity(cap),
        };
        let old = values.set(ix, v);
        *slot = Some(values);
        Ok(old)
    }
}

/// The inline value at key index `ix` of `o` (an inline cache's fast path:
/// the caller knows the index belongs to `o`'s type), unless `o` has a dict.
#[inline(always)]
pub fn cached_value(o: &PyObject, ix: usize) -> Option<PyRef> {
    if o.ty().dict_of(o).is_some() {
        return None;
    }
    with_values(o, |v| v.get(ix)).flatten()
}

/// Store `v` as the inline value at key index `ix` of `o` (an inline
/// cache's fast path), if `o` has no dict and its block has room: `Ok` with
/// the replaced value, for the caller to drop; else `Err(v)`.
#[inline(always)]
pub fn cached_store(o: &PyObject, ix: usize, v: PyRef) -> Result<Option<PyRef>, PyRef> {
    if o.ty().dict_of(o).is_some() {
        return Err(v);
    }
    let mut v = Some(v);
    let old = with_values(o, |b| match v.take() {
        Some(x) if ix < b.capacity() => b.set(ix, x),
        x => {
            v = x;
            None
        }
    });
    match (v, old) {
        (Some(v), _) => Err(v),
        (None, old) => Ok(old.flatten()),
    }
}

/// Whether no attribute of `o` can shadow a name that is not among the
/// first `keys` shared keys of its type: `o` has no dict and the shared
/// keys have not grown.
#[inline(always)]
pub fn unshadowed(o: &PyObject, keys: usize) -> bool {
    let ty = o.ty();
    ty.dict_of(o).is_none() && ty.shared_keys.len() == keys
}

/// Remove attribute `name` from `o`'s inline values, returning it (for the
/// caller to drop) if it was there.
fn remove_value(o: &PyObject, name: &PyRef) -> Option<PyRef> {
    let ix = o.ty().shared_keys.index_of(name)?;
    with_values(o, |v| v.remove(ix)).flatten()
}

/// Whether `o` keeps attributes as inline values now.
pub fn has_values(o: &PyObject) -> bool {
    with_values(o, |_| ()).is_some()
}

/// Take `o`'s inline values out of their cell (the instance is dying, being
/// cleared, or getting a dict).
pub fn take_values(o: &PyObject) -> Option<InlineValues> {
    let cell = values_cell(o)?;
    // SAFETY: no borrow of the cell is alive (see `with_values`).
    unsafe { (*cell.get()).take() }
}

/// Report `o`'s inline values to the collector, in key order (CPython's).
pub fn visit_values(o: &PyObject, visit: &mut Visitor<'_>) {
    // The visitor runs no Python code and replaces nothing (its contract),
    // so the values block stays put while it runs.
    with_values(o, |v| {
        for ix in 0..v.capacity() {
            if let Some(x) = v.get(ix) {
                visit.visit(&x);
            }
        }
    });
}

/// Turn `o`'s inline values (if any) into a dict in its dict cell, in the
/// order the instance set them, and return the dict cell's content: what
/// `__dict__` shows from now on. `None` if `o` has no dict cell.
pub fn materialize(vm: &Vm, o: &PyObject) -> Option<PyRef> {
    let ty = o.ty();
    if let Some(d) = ty.dict_of(o) {
        return Some(d);
    }
    let slot = ty.dict_slot(o)?;
    let d = vm.new_dict();
    if let Some(values) = take_values(o) {
        let dd = d.downcast::<DictObj>().expect("new_dict returns a dict");
        for (ix, v) in values.drain_ordered() {
            if let Some(k) = ty.shared_keys.key(ix) {
                // Keys are exact strs: storing cannot fail or run Python code.
                let _ = dd.set_item(vm, k, v);
            }
        }
    }
    // SAFETY: short borrow of the dict cell: nothing else borrows it, and
    // nothing is dropped while it lasts (the cell was empty).
    unsafe {
        if (*slot.get()).is_none() {
            *slot.get() = Some(d);
        }
        (*slot.get()).clone()
    }
}

/// The attribute `name` of `o` from its own storage (dict or inline
/// values), a new reference; a dict lookup may run a key's `__eq__`.
pub fn get_attr_value(vm: &Vm, o: &PyObject, name: &PyRef) -> PyResult<Option<PyRef>> {
    let ty = o.ty();
    if let Some(d) = ty.dict_of(o) {
        return match d.downcast::<DictObj>() {
            Some(d) => d.get_item(vm, name),
            None => Ok(None),
        };
    }
    Ok(get_value(o, name))
}

/// Set (`Some`) or delete (`None`) attribute `name` of `o` in its own
/// storage: inline while the instance keeps inline values and the name
/// fits, else in its dict (created on demand). `None` if `o` has no
/// attribute storage; else whether the attribute was set or found.
pub fn set_attr_value(vm: &Vm, o: &PyObject, name: &PyRef, v: Option<PyRef>) -> Option<PyResult<bool>> {
    let ty = o.ty();
    if let Some(d) = ty.dict_of(o) {
        return Some(set_in_dict(vm, &d, name, v));
    }
    let v = match v {
        Some(v) if ty.values_slot(o).is_some() => match set_value(vm, o, name, v) {
            Ok(old) => {
                drop(old);
                return Some(Ok(true));
            }
            Err(v) => Some(v),
        },
        None if ty.values_slot(o).is_some() => return Some(Ok(remove_value(o, name).is_some())),
        v => v,
    };
    let d = materialize(vm, o)?;
    Some(set_in_dict(vm, &d, name, v))
}

fn set_in_dict(vm: &Vm, d: &PyRef, name: &PyRef, v: Option<PyRef>) -> PyResult<bool> {
    let Some(d) = d.downcast::<DictObj>() else { return Ok(true) };
    match v {
        Some(v) => d.set_item(vm, name.clone(), v).map(|()| true),
        None => d.pop_item(vm, name).map(|old| old.is_some()),
    }
}
