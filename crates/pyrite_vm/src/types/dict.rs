//! `dict`: CPython's compact layout — a sparse index table pointing into a
//! dense, insertion-ordered entry array that stores each key's hash.

use std::cell::UnsafeCell;

use crate::object::{gc, ObjHeader, PyObject, PyRef};
use crate::types::typeobj::Layout;
use crate::vm::Vm;
use crate::PyResult;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;

/// One entry: hash, key, value. Deleted entries become `None`.
pub struct DictEntry {
    /// The key's hash.
    pub hash: i64,
    /// The key.
    pub key: PyRef,
    /// The value.
    pub value: PyRef,
}

/// The table of a dict.
#[derive(Default)]
pub struct DictTable {
    /// Sparse index table (power-of-two length, or empty): entry index, EMPTY or DUMMY.
    indices: Vec<i32>,
    /// Dense entries in insertion order (`None` = deleted).
    pub entries: Vec<Option<DictEntry>>,
    /// Live entries.
    pub used: usize,
    /// Changed on every insertion of a new key or deletion (iteration,
    /// lookups and inline caches check it): a fresh value from
    /// [`next_version`], so no two changes of any dicts share one.
    pub version: u64,
}

/// A `dict`.
#[repr(C)]
pub struct DictObj {
    /// Header.
    pub ob: ObjHeader,
    /// The table. Never borrowed across a call into Python code.
    pub table: UnsafeCell<DictTable>,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for DictObj {
    const LAYOUT: Layout = Layout::Dict;
}

impl Drop for DictObj {
    fn drop(&mut self) {
        // Release entries in insertion order, key then value (OBJ-4).
        let t = std::mem::take(self.table.get_mut());
        for e in t.entries.into_iter().flatten() {
            drop(e.key);
            drop(e.value);
        }
    }
}

thread_local! {
    static LAST_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A dict version never handed out before (CPython 3.11's global
/// `ma_version_tag` counter): a dict and its version name one state.
#[inline(always)]
pub(crate) fn next_version() -> u64 {
    LAST_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

/// Outcome of probing for a key.
enum Probe {
    /// Found at this entry index.
    Found(usize),
    /// Not found; insert at this index-table slot.
    Missing(usize),
}

impl DictTable {
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    fn usable(&self) -> usize {
        (self.indices.len() * 2) / 3
    }

    /// Find the index slot holding entry `ix`.
    fn slot_of_entry(&self, hash: i64, ix: usize) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.indices[i] == ix as i32 {
                return i;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn rebuild(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size * 2 / 3 <= min_used {
            size *= 2;
        }
        let old: Vec<Option<DictEntry>> = std::mem::take(&mut self.entries);
        self.entries = old.into_iter().filter(|e| e.is_some()).collect();
        self.indices = vec![EMPTY; size];
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let hash = e.as_ref().map_or(0, |e| e.hash);
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
            self.indices[i] = ix as i32;
        }
    }
}

impl DictObj {
    /// The table, borrowed.
    ///
    /// # Safety
    /// While the result (or anything borrowed from it) is used, no other
    /// reference to the table may exist or be made: no Python code runs (keys
    /// are cloned before `eq`, the table borrowed again after), no key or
    /// value is dropped (removed ones are dropped after), no object is
    /// allocated, and this dict is not reached another way.
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    unsafe fn t(&self) -> &mut DictTable {
        // SAFETY: exclusive by the caller's contract.
        unsafe { &mut *self.table.get() }
    }

    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: a read; nothing else runs.
        unsafe { self.t() }.used
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Find `key` (with hash `hash`). Equality may run Python code; the table
    /// is re-checked after each such call and the probe restarts if it changed.
    fn probe(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<Probe> {
        'restart: loop {
            // SAFETY: only read before the inner loop borrows again.
            let t = unsafe { self.t() };
            if t.indices.is_empty() {
                return Ok(Probe::Missing(usize::MAX));
            }
            let mask = t.mask();
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            let mut first_dummy = None;
            loop {
                // SAFETY: used for reads until the key is cloned; `fast_eq`
                // runs no Python code and allocates nothing; `eq` runs with
                // no borrow alive (the table is borrowed again after).
                let t = unsafe { self.t() };
                let ix = t.indices[i];
                if ix == EMPTY {
                    return Ok(Probe::Missing(first_dummy.unwrap_or(i)));
                }
                if ix == DUMMY {
                    first_dummy.get_or_insert(i);
                } else if let Some(e) = &t.entries[ix as usize] {
                    if e.key.is(key) {
                        return Ok(Probe::Found(ix as usize));
                    }
                    if e.hash == hash {
                        if let Some(r) = vm.fast_eq(&e.key, key) {
                            if r {
                                return Ok(Probe::Found(ix as usize));
                            }
                        } else {
                            let other = e.key.clone();
                            let version = t.version;
                            let eq = vm.eq(&other, key)?;
                            // SAFETY: reads only.
                            let t = unsafe { self.t() };
                            if t.version != version || t.indices.get(i) != Some(&ix) {
                                continue 'restart;
                            }
                            if eq {
                                return Ok(Probe::Found(ix as usize));
                            }
                        }
                    }
                }
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    /// `d[key]` with a precomputed hash, `None` if missing.
    pub fn get_hashed(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<Option<PyRef>> {
        Ok(match self.probe(vm, key, hash)? {
            // SAFETY: a read and a clone.
            Probe::Found(ix) => unsafe { self.t() }.entries[ix].as_ref().map(|e| e.value.clone()),
            Probe::Missing(_) => None,
        })
    }

    /// `d.get(key)`: `None` if missing. Hashing may raise.
    pub fn get_item(&self, vm: &Vm, key: &PyRef) -> PyResult<Option<PyRef>> {
        let h = vm.hash(key)?;
        self.get_hashed(vm, key, h)
    }

    /// Look up a str key given as Rust text (no Python code can run).
    pub fn get_str(&self, vm: &Vm, key: &str) -> Option<PyRef> {
        let k = vm.new_str(key);
        self.get_item(vm, &k).ok().flatten()
    }

    /// `d[key] = value` with a precomputed hash.
    pub fn set_hashed(&self, vm: &Vm, key: PyRef, hash: i64, value: PyRef) -> PyResult<()> {
        // GC-3: storing something that may be part of a cycle tracks the dict.
        if let Some(me) = self.ob.object() {
            if !gc::is_tracked(me) && (gc::may_be_tracked(&key) || gc::may_be_tracked(&value)) {
                gc::track(me);
            }
        }
        match self.probe(vm, &key, hash)? {
            Probe::Found(ix) => {
                // SAFETY: the old value is moved out, and dropped after.
                let old = unsafe { self.t() }.entries[ix].as_mut().map(|e| std::mem::replace(&mut e.value, value));
                drop(old);
            }
            Probe::Missing(slot) => {
                // SAFETY: inserting moves the key and value in; rebuilding
                // the index runs no Python code and drops nothing.
                let t = unsafe { self.t() };
                if slot == usize::MAX || t.entries.len() >= t.usable() {
                    t.rebuild(t.used + 1);
                    t.entries.push(Some(DictEntry { hash, key, value }));
                    let ix = t.entries.len() - 1;
                    let mask = t.mask();
                    let mut perturb = hash as u64;
                    let mut i = (hash as u64 as usize) & mask;
                    while t.indices[i] != EMPTY {
                        perturb >>= 5;
                        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
                    }
                    t.indices[i] = ix as i32;
                } else {
                    t.entries.push(Some(DictEntry { hash, key, value }));
                    t.indices[slot] = (t.entries.len() - 1) as i32;
                }
                t.used += 1;
                t.version = next_version();
            }
        }
        Ok(())
    }

    /// `d[key] = value`.
    pub fn set_item(&self, vm: &Vm, key: PyRef, value: PyRef) -> PyResult<()> {
        let h = vm.hash(&key)?;
        self.set_hashed(vm, key, h, value)
    }

    /// Store under a str key given as Rust text.
    pub fn set_str(&self, vm: &Vm, key: &str, value: PyRef) {
        let k = vm.intern(key);
        // Hashing and comparing strs cannot fail.
        let _ = self.set_item(vm, k, value);
    }

    /// Remove `key`, returning its value (`None` if missing).
    pub fn pop_item(&self, vm: &Vm, key: &PyRef) -> PyResult<Option<PyRef>> {
        let h = vm.hash(key)?;
        match self.probe(vm, key, h)? {
            Probe::Found(ix) => {
                // SAFETY: the entry is moved out, its key and value dropped
                // after the last use of `t`.
                let t = unsafe { self.t() };
                let slot = t.slot_of_entry(h, ix);
                t.indices[slot] = DUMMY;
                let e = t.entries[ix].take();
                t.used -= 1;
                t.version = next_version();
                Ok(e.map(|e| {
                    drop(e.key);
                    e.value
                }))
            }
            Probe::Missing(_) => Ok(None),
        }
    }

    /// Remove every item (released in insertion order after the table is reset).
    pub fn clear(&self) {
        // SAFETY: the entries are moved out and dropped after the last use of `t`.
        let t = unsafe { self.t() };
        let old = std::mem::take(t);
        t.version = next_version();
        for e in old.entries.into_iter().flatten() {
            drop(e.key);
            drop(e.value);
        }
    }

    /// The entry at dense index `pos` or later: returns (next pos, key, value).
    /// Used by iterators: `pos` advances past deleted entries.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, PyRef, PyRef)> {
        // SAFETY: reads and clones.
        let t = unsafe { self.t() };
        while pos < t.entries.len() {
            if let Some(e) = &t.entries[pos] {
                return Some((pos + 1, e.key.clone(), e.value.clone()));
            }
            pos += 1;
        }
        None
    }

    /// Snapshot of all (key, value) pairs in order.
    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        // SAFETY: reads and clones (into a Vec: memory, not objects).
        unsafe { self.t() }.entries.iter().flatten().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    /// Snapshot of the keys in order.
    pub fn keys(&self) -> Vec<PyRef> {
        // SAFETY: as in `items`.
        unsafe { self.t() }.entries.iter().flatten().map(|e| e.key.clone()).collect()
    }

    /// Snapshot of the values in order.
    pub fn values(&self) -> Vec<PyRef> {
        // SAFETY: as in `items`.
        unsafe { self.t() }.entries.iter().flatten().map(|e| e.value.clone()).collect()
    }

    /// The entry index of `key`, if present (for inline caches: the value
    /// there is read back with [`DictObj::value_at`]).
    pub fn index_of(&self, vm: &Vm, key: &PyRef) -> PyResult<Option<usize>> {
        let h = vm.hash(key)?;
        Ok(match self.probe(vm, key, h)? {
            Probe::Found(ix) => Some(ix),
            Probe::Missing(_) => None,
        })
    }

    /// The value of entry `ix` if that entry's key is `key` itself (an
    /// inline cache's check that the entry it remembers still holds it).
    #[inline(always)]
    pub fn value_at(&self, ix: usize, key: &PyObject) -> Option<PyRef> {
        // SAFETY: a read and a clone.
        match unsafe { self.t() }.entries.get(ix) {
            Some(Some(e)) if e.key.is(key) => Some(e.value.clone()),
            _ => None,
        }
    }

    /// The version: changed by every insertion of a new key or deletion.
    #[inline(always)]
    pub fn version(&self) -> u64 {
        // SAFETY: a read.
        unsafe { self.t() }.version
    }

    /// Visit values and keys (GC traverse): value then key per entry, in
    /// insertion order (CPython's order for a general table). The visitor
    /// gets new references one entry at a time, not a borrow of the table,
    /// so it may do anything.
    pub fn traverse(&self, visit: &mut dyn FnMut(&PyObject)) {
        let mut pos = 0;
        while let Some((next, k, v)) = self.next_entry(pos) {
            visit(&v);
            visit(&k);
            pos = next;
        }
    }

    /// Visit the values only (str-keyed tables, an instance's inline values).
    pub fn traverse_values(&self, visit: &mut dyn FnMut(&PyObject)) {
        let mut pos = 0;
        while let Some((next, _, v)) = self.next_entry(pos) {
            visit(&v);
            pos = next;
        }
    }

    /// Whether every key is an exact `str`.
    pub fn keys_are_exact_str(&self) -> bool {
        // SAFETY: reads only.
        unsafe { self.t() }.entries.iter().flatten().all(|e| e.key.ty().layout == Layout::Str && !e.key.ty().is_heap())
    }

}

mod methods;
pub use methods::{dict_merge, dict_update_arg, new_dict_of_type};
pub(crate) use methods::init;
