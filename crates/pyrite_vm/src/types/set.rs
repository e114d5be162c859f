//! `set` and `frozenset` (one layout): an open-addressing hash table with
//! CPython's probing, so iteration order matches CPython's.

use std::cell::{Cell, UnsafeCell};

use crate::object::{ObjHeader, PyObject, PyRef};
use crate::types::typeobj::Layout;

/// The hash table of a set. `table` has a power-of-two length (>= 8); a slot
/// is empty (`None`), a dummy (deleted: `Some` with `dummy == true`) or live.
#[derive(Default)]
pub struct SetTable {
    /// Slots: (hash, key) of live entries; `None` for never-used slots.
    pub slots: Vec<Option<SetEntry>>,
    /// Number of live entries.
    pub used: usize,
    /// Live plus dummy entries.
    pub fill: usize,
    /// Where `pop()` starts searching (CPython's `finger`).
    pub finger: usize,
    /// Bumped whenever `slots` is replaced (lookups restart if it changes
    /// while a comparison runs Python code).
    pub generation: u64,
}

/// One occupied slot.
pub struct SetEntry {
    /// The key's hash.
    pub hash: i64,
    /// The key, or `None` for a dummy left by a deletion.
    pub key: Option<PyRef>,
}

/// A `set` or `frozenset`.
#[repr(C)]
pub struct SetObj {
    /// Header.
    pub ob: ObjHeader,
    /// Cached hash (frozenset only), -1 until computed.
    pub hash: Cell<i64>,
    /// The table. Never borrowed across calls into Python code.
    pub table: UnsafeCell<SetTable>,
    /// Weak references to the set.
    pub weaklist: crate::types::weakref::WeakList,
}
// SAFETY: repr(C), header first, unique layout tag.
unsafe impl crate::object::PyPayload for SetObj {
    const LAYOUT: Layout = Layout::Set;
}

// ---------------------------------------------------------------------------
// The table algorithm (CPython's setobject.c, rewritten).

use crate::object::alloc_object;
use crate::types::iter::{cell_get, cell_set, cell_visit, SetIterObj};
use crate::types::list::{arg_count, method_self, no_args, one_arg};
use crate::types::typeobj::{CmpOp, FuncArgs, Slots};
use crate::types::TypeRef;
use crate::vm::Vm;
use crate::PyResult;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// Hash stored in dummy slots.
const DUMMY_HASH: i64 = -1;

impl SetTable {
    fn with_size(size: usize) -> SetTable {
        let mut slots = Vec::with_capacity(size);
        slots.resize_with(size, || None);
        SetTable { slots, used: 0, fill: 0, finger: 0, generation: 0 }
    }

    fn mask(&self) -> usize {
        self.slots.len().saturating_sub(1)
    }

    /// Insert a key known to be absent into a table without dummies.
    fn insert_clean(&mut self, hash: i64, key: PyRef) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                if self.slots[j].is_none() {
                    self.slots[j] = Some(SetEntry { hash, key: Some(key) });
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// Rebuild with room for `minused` entries (dummies are dropped).
    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::take(&mut self.slots);
        let generation = self.generation + 1;
        let (used, finger) = (self.used, self.finger);
        *self = SetTable::with_size(newsize);
        self.used = used;
        self.fill = used;
        self.finger = finger;
        self.generation = generation;
        for e in old.into_iter().flatten() {
            if let Some(k) = e.key {
                self.insert_clean(e.hash, k);
            }
        }
    }

    fn ensure_allocated(&mut self) {
        if self.slots.is_empty() {
            self.slots.resize_with(MIN_SIZE, || None);
        }
    }
}

/// Result of probing for a key.
enum Lookup {
    /// Live entry at this slot.
    Found(usize),
    /// Absent: the first unused slot, and the first dummy seen before it.
    Absent { unused: usize, dummy: Option<usize> },
}

impl SetObj {
    /// The table, borrowed.
    ///
    /// # Safety
    /// While the result (or anything borrowed from it) is used, no other
    /// reference to the table may exist or be made: no Python code runs (keys
    /// are cloned before `eq`, the table borrowed again after), no key is
    /// dropped (removed ones are dropped after), no object is allocated, and
    /// this set is not reached another way (another `t()` of it included).
    #[allow(clippy::mut_from_ref)]
    #[inline(always)]
    unsafe fn t(&self) -> &mut SetTable {
        // SAFETY: exclusive by the caller's contract.
        unsafe { &mut *self.table.get() }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        // SAFETY: a read.
        unsafe { self.t() }.used
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Snapshot of (hash, key) of the live entries in table order.
    pub fn entries(&self) -> Vec<(i64, PyRef)> {
        // SAFETY: reads and clones (into a Vec: memory, not objects).
        unsafe { self.t() }
            .slots
            .iter()
            .flatten()
            .filter_map(|e| e.key.as_ref().map(|k| (e.hash, k.clone())))
            .collect()
    }

    /// Probe for `key` with CPython's sequence of slots. Comparisons may run
    /// Python code; the probe restarts if the table changed meanwhile.
    fn lookup(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<Lookup> {
        'restart: loop {
            // SAFETY: allocating slots (memory) and reads, before the inner loop borrows again.
            let t = unsafe { self.t() };
            t.ensure_allocated();
            let mask = t.mask();
            let mut perturb = hash as u64;
            let mut i = hash as u64 as usize & mask;
            let mut dummy = None;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in i..=i + probes {
                    // SAFETY: used for reads until the key is cloned; `fast_eq`
                    // runs no Python code and allocates nothing; `eq` runs
                    // with no borrow alive (the table is borrowed again after).
                    let t = unsafe { self.t() };
                    let (other, gen) = match &t.slots[j] {
                        None => return Ok(Lookup::Absent { unused: j, dummy }),
                        Some(SetEntry { key: None, .. }) => {
                            dummy.get_or_insert(j);
                            continue;
                        }
                        Some(SetEntry { hash: h, key: Some(k) }) if *h == hash => {
                            if let Some(eq) = vm.fast_eq(k, key) {
                                if eq {
                                    return Ok(Lookup::Found(j));
                                }
                                continue;
                            }
                            (k.clone(), t.generation)
                        }
                        Some(_) => continue,
                    };
                    let eq = vm.eq(&other, key)?;
                    // SAFETY: reads only.
                    let t = unsafe { self.t() };
                    let same = t.generation == gen
                        && matches!(&t.slots[j], Some(SetEntry { key: Some(k), .. }) if k.is(&other));
                    if !same {
                        continue 'restart;
                    }
                    if eq {
                        return Ok(Lookup::Found(j));
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
        }
    }

    /// Add `key` (with its hash). Returns true if it was added.
    pub fn add_hashed(&self, vm: &Vm, key: PyRef, hash: i64) -> PyResult<bool> {
        match self.lookup(vm, &key, hash)? {
            Lookup::Found(_) => Ok(false),
            Lookup::Absent { dummy: Some(d), .. } => {
                // SAFETY: the key is moved in over a dummy (no key to drop).
                let t = unsafe { self.t() };
                t.slots[d] = Some(SetEntry { hash, key: Some(key) });
                t.used += 1;
                Ok(true)
            }
            Lookup::Absent { unused, dummy: None } => {
                // SAFETY: the key is moved into an unused slot; resizing
                // moves the keys over and drops nothing.
                let t = unsafe { self.t() };
                t.slots[unused] = Some(SetEntry { hash, key: Some(key) });
                t.fill += 1;
                t.used += 1;
                if t.fill * 5 >= t.mask() * 3 {
                    let used = t.used;
                    t.resize(if used > 50000 { used * 2 } else { used * 4 });
                }
                Ok(true)
            }
        }
    }

    /// Remove `key` (with its hash), returning it if present.
    pub fn discard_hashed(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<Option<PyRef>> {
        match self.lookup(vm, key, hash)? {
            Lookup::Found(j) => {
                // SAFETY: the key is moved out; the caller drops it.
                let t = unsafe { self.t() };
                let old = t.slots[j].replace(SetEntry { hash: DUMMY_HASH, key: None });
                t.used -= 1;
                Ok(old.and_then(|e| e.key))
            }
            Lookup::Absent { .. } => Ok(None),
        }
    }

    /// Membership with a precomputed hash.
    pub fn contains_hashed(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.lookup(vm, key, hash)?, Lookup::Found(_)))
    }

    /// Remove everything (the old entries are released after the table is reset).
    pub fn clear(&self) {
        // SAFETY: the entries are moved out and dropped after the borrow.
        let t = unsafe { self.t() };
        let generation = t.generation + 1;
        let old = std::mem::replace(t, SetTable::with_size(MIN_SIZE));
        t.generation = generation;
        drop(old);
    }

    /// Live entry at or after slot `pos`: (next pos, key).
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, PyRef)> {
        // SAFETY: reads and a clone.
        let t = unsafe { self.t() };
        while pos < t.slots.len() {
            if let Some(SetEntry { key: Some(k), .. }) = &t.slots[pos] {
                return Some((pos + 1, k.clone()));
            }
            pos += 1;
        }
        None
    }

    /// `set.pop()` with CPython's finger: `None` when empty.
    fn pop_any(&self) -> Option<PyRef> {
        // SAFETY: the key is moved out; the caller drops it.
        let t = unsafe { self.t() };
        if t.used == 0 || t.slots.is_empty() {
            return None;
        }
        let mask = t.mask();
        let mut i = t.finger & mask;
        while !matches!(t.slots[i], Some(SetEntry { key: Some(_), .. })) {
            i = (i + 1) & mask;
        }
        let old = t.slots[i].replace(SetEntry { hash: DUMMY_HASH, key: None });
        t.used -= 1;
        t.finger = i + 1;
        old.and_then(|e| e.key)
    }

    /// Swap the tables of two sets (`intersection_update`).
    fn swap_bodies(&self, other: &SetObj) {
        if std::ptr::eq(self, other) {
            return;
        }
        // SAFETY: two distinct sets (checked): their tables are swapped,
        // nothing dropped.
        let (a, b) = unsafe { (self.t(), other.t()) };
        std::mem::swap(a, b);
        a.generation += 1;
        b.generation += 1;
        self.hash.set(-1);
        other.hash.set(-1);
    }
}

// ----- construction and bulk operations -----

fn is_anyset(o: &PyRef) -> bool {
    o.ty().layout == Layout::Set
}

fn so<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a SetObj> {
    o.downcast::<SetObj>()
        .ok_or_else(|| vm.type_error(format!("descriptor requires a 'set' object but received a '{}'", o.ty().name())))
}

fn the_set(r: &PyRef) -> &SetObj {
    r.downcast::<SetObj>().unwrap_or_else(|| unreachable!("sets are created by this module"))
}

/// An empty set (or frozenset) of type `ty`.
pub fn new_set_of_type(ty: &TypeRef) -> PyRef {
    alloc_object(ty, |ob| SetObj { ob, hash: Cell::new(-1), table: UnsafeCell::new(SetTable::with_size(MIN_SIZE)), weaklist: Default::default() })
}

/// `set(iterable)` (an exact set).
pub fn set_from_iterable(vm: &Vm, iterable: &PyRef) -> PyResult<PyRef> {
    let r = new_set_of_type(&vm.types.set);
    set_update(vm, the_set(&r), iterable)?;
    Ok(r)
}

/// `frozenset(iterable)` (an exact frozenset).
pub fn frozenset_from_iterable(vm: &Vm, iterable: &PyRef) -> PyResult<PyRef> {
    let r = new_set_of_type(&vm.types.frozenset);
    set_update(vm, the_set(&r), iterable)?;
    Ok(r)
}

/// The type results of binary operations on `o` get: set for set
/// subclasses, frozenset for frozenset subclasses.
fn basetype<'a>(vm: &'a Vm, o: &PyRef) -> &'a TypeRef {
    if o.ty().is_subtype(&vm.types.set) {
        &vm.types.set
    } else {
        &vm.types.frozenset
    }
}

/// `s.add(key)`.
pub fn set_add(vm: &Vm, s: &SetObj, key: PyRef) -> PyResult<()> {
    let h = vm.hash(&key)?;
    s.add_hashed(vm, key, h).map(drop)
}

/// Merge another set's entries (CPython's `set_merge`).
fn set_merge(vm: &Vm, s: &SetObj, other: &SetObj) -> PyResult<()> {
    let (ofill, oused, omask) = {
        // SAFETY: reads.
        let o = unsafe { other.t() };
        if o.used == 0 {
            return Ok(());
        }
        (o.fill, o.used, o.slots.len().max(MIN_SIZE) - 1)
    };
    // SAFETY: allocating and resizing move keys and drop nothing (and end
    // before `entries` borrows `other`, which may be `s`).
    let t = unsafe { s.t() };
    t.ensure_allocated();
    if (t.fill + oused) * 5 >= t.mask() * 3 {
        let n = t.used + oused;
        t.resize(n * 2);
    }
    let entries = other.entries();
    // SAFETY: keys are cloned or moved in, nothing dropped; `other` is
    // borrowed too only in the slot-for-slot branch, where `s` is empty and
    // `other` is not, so they are distinct sets.
    let t = unsafe { s.t() };
    if t.fill == 0 && t.mask() == omask && ofill == oused {
        // Same size, no dummies: copy slot for slot.
        // SAFETY: see above; reads and clones.
        for (j, e) in unsafe { other.t() }.slots.iter().enumerate() {
            if let Some(SetEntry { hash, key: Some(k) }) = e {
                t.slots[j] = Some(SetEntry { hash: *hash, key: Some(k.clone()) });
            }
        }
        t.fill = oused;
        t.used = oused;
        return Ok(());
    }
    if t.fill == 0 {
        t.fill = oused;
        t.used = oused;
        for (h, k) in entries {
            t.insert_clean(h, k);
        }
        return Ok(());
    }
    for (h, k) in entries {
        s.add_hashed(vm, k, h)?;
    }
    Ok(())
}

/// `s.update(iterable)` (CPython's `set_update_internal`).
pub fn set_update(vm: &Vm, s: &SetObj, other: &PyRef) -> PyResult<()> {
    if let Some(o) = other.downcast::<SetObj>() {
        return set_merge(vm, s, o);
    }
    if std::ptr::eq(other.ty(), &*vm.types.dict) {
        let n = vm.len(other)?;
        // SAFETY: allocating and resizing move keys and drop nothing.
        let t = unsafe { s.t() };
        t.ensure_allocated();
        if (t.fill + n) * 5 >= t.mask() * 3 {
            let m = t.used + n;
            t.resize(m * 2);
        }
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        set_add(vm, s, k)?;
    }
    Ok(())
}

/// Hash `key`; a set that is unhashable is retried as a frozenset
/// (`{1} in {frozenset({1})}`). Returns the key to use and its hash.
fn lookup_key(vm: &Vm, key: &PyRef) -> PyResult<(PyRef, i64)> {
    match vm.hash(key) {
        Ok(h) => Ok((key.clone(), h)),
        Err(e) if key.ty().is_subtype(&vm.types.set) && vm.is_instance(&e.0, &vm.exc.type_error) => {
            let f = frozenset_from_iterable(vm, key)?;
            let h = vm.hash(&f)?;
            Ok((f, h))
        }
        Err(e) => Err(e),
    }
}

/// `key in s`.
pub fn set_contains_key(vm: &Vm, s: &SetObj, key: &PyRef) -> PyResult<bool> {
    let (k, h) = lookup_key(vm, key)?;
    s.contains_hashed(vm, &k, h)
}

fn set_discard_key(vm: &Vm, s: &SetObj, key: &PyRef) -> PyResult<bool> {
    let (k, h) = lookup_key(vm, key)?;
    Ok(s.discard_hashed(vm, &k, h)?.is_some())
}

/// A copy of `o` with the base type of `o` (`set_copy`).
fn set_copy(vm: &Vm, o: &PyRef) -> PyResult<PyRef> {
    let r = new_set_of_type(basetype(vm, o));
    set_update(vm, the_set(&r), o)?;
    Ok(r)
}

/// `s.difference_update(other)` (with CPython's post-shrink).
pub fn set_difference_update(vm: &Vm, s: &SetObj, other: &PyRef) -> PyResult<()> {
    if std::ptr::eq(s.ob.addr(), &**other) {
        s.clear();
        return Ok(());
    }
    if let Some(o) = other.downcast::<SetObj>() {
        for (h, k) in o.entries() {
            drop(s.discard_hashed(vm, &k, h)?);
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            set_discard_key(vm, s, &k)?;
        }
    }
    // SAFETY: resizing moves keys and drops nothing.
    let t = unsafe { s.t() };
    if t.fill - t.used > t.mask() / 4 {
        let used = t.used;
        t.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
    Ok(())
}

/// `s - other` (`set_difference`).
fn set_difference(vm: &Vm, a: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let s = so(vm, a)?;
    let other_size = match other.downcast::<SetObj>() {
        Some(o) => o.len(),
        None if std::ptr::eq(other.ty(), &*vm.types.dict) => vm.len(other)?,
        None => usize::MAX,
    };
    if other_size == usize::MAX || (s.len() >> 2) > other_size {
        let r = set_copy(vm, a)?;
        set_difference_update(vm, the_set(&r), other)?;
        return Ok(r);
    }
    let r = new_set_of_type(basetype(vm, a));
    for (h, k) in s.entries() {
        let present = match other.downcast::<SetObj>() {
            Some(o) => o.contains_hashed(vm, &k, h)?,
            None => vm.contains(other, &k)?,
        };
        if !present {
            the_set(&r).add_hashed(vm, k, h)?;
        }
    }
    Ok(r)
}

/// `a & other` (`set_intersection`).
fn set_intersection(vm: &Vm, a: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    if a.is(other) {
        return set_copy(vm, a);
    }
    let s = so(vm, a)?;
    let r = new_set_of_type(basetype(vm, a));
    let rs = the_set(&r);
    if let Some(o) = other.downcast::<SetObj>() {
        let (small, big) = if o.len() > s.len() { (s, o) } else { (o, s) };
        for (h, k) in small.entries() {
            if big.contains_hashed(vm, &k, h)? {
                rs.add_hashed(vm, k, h)?;
            }
        }
        return Ok(r);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if s.contains_hashed(vm, &k, h)? {
            rs.add_hashed(vm, k, h)?;
        }
    }
    Ok(r)
}

/// `s.symmetric_difference_update(other)`.
pub fn set_symmetric_difference_update(vm: &Vm, s: &SetObj, other: &PyRef) -> PyResult<()> {
    if std::ptr::eq(s.ob.addr(), &**other) {
        s.clear();
        return Ok(());
    }
    let owned;
    let o = match other.downcast::<SetObj>() {
        Some(o) => o,
        None => {
            owned = set_from_iterable(vm, other)?;
            the_set(&owned)
        }
    };
    for (h, k) in o.entries() {
        if s.discard_hashed(vm, &k, h)?.is_none() {
            s.add_hashed(vm, k, h)?;
        }
    }
    Ok(())
}

/// `a ^ other` (`set_symmetric_difference`).
fn set_symmetric_difference(vm: &Vm, a: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let r = new_set_of_type(basetype(vm, a));
    set_update(vm, the_set(&r), other)?;
    set_symmetric_difference_update(vm, the_set(&r), a)?;
    Ok(r)
}

fn is_subset(vm: &Vm, a: &SetObj, b: &SetObj) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (h, k) in a.entries() {
        if !b.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

// ----- slots -----

fn set_repr(vm: &Vm, o: &PyRef) -> PyResult {
    let s = so(vm, o)?;
    let name = o.ty().name().to_string();
    if s.is_empty() {
        return Ok(vm.new_string(format!("{name}()")));
    }
    if !vm.repr_enter(o) {
        return Ok(vm.new_string(format!("{name}(...)")));
    }
    let r = (|| {
        let mut body = String::new();
        for (i, (_, k)) in s.entries().iter().enumerate() {
            if i > 0 {
                body.push_str(", ");
            }
            body.push_str(&vm.repr_string(k)?);
        }
        Ok(vm.new_string(if std::ptr::eq(o.ty(), &*vm.types.set) {
            format!("{{{body}}}")
        } else {
            format!("{name}({{{body}}})")
        }))
    })();
    vm.repr_leave(o);
    r
}

fn set_richcompare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let (Some(x), Some(y)) = (a.downcast::<SetObj>(), b.downcast::<SetObj>()) else {
        return Ok(vm.not_implemented.clone());
    };
    let r = match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = x.len() == y.len()
                && !(x.hash.get() != -1 && y.hash.get() != -1 && x.hash.get() != y.hash.get())
                && is_subset(vm, x, y)?;
            eq == (op == CmpOp::Eq)
        }
        CmpOp::Le => is_subset(vm, x, y)?,
        CmpOp::Ge => is_subset(vm, y, x)?,
        CmpOp::Lt => x.len() < y.len() && is_subset(vm, x, y)?,
        CmpOp::Gt => x.len() > y.len() && is_subset(vm, y, x)?,
    };
    Ok(vm.new_bool(r))
}

fn set_len(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    Ok(so(vm, o)?.len())
}

fn set_contains(vm: &Vm, o: &PyRef, key: &PyRef) -> PyResult<bool> {
    set_contains_key(vm, so(vm, o)?, key)
}

fn set_iter(vm: &Vm, o: &PyRef) -> PyResult {
    let len = so(vm, o)?.len();
    let set = o.clone();
    Ok(alloc_object(&vm.types.set_iter, |ob| SetIterObj { ob, set: UnsafeCell::new(Some(set)), pos: Cell::new(0), len }))
}

fn setiter_next(vm: &Vm, o: &PyRef) -> PyResult<Option<PyRef>> {
    let Some(it) = o.downcast::<SetIterObj>() else { return Err(vm.type_error("expected a set iterator")) };
    let Some(set) = cell_get(&it.set) else { return Ok(None) };
    let s = so(vm, &set)?;
    if s.len() != it.len {
        // Make the error sticky: drop the set so later calls keep failing.
        it.pos.set(usize::MAX);
    }
    if it.pos.get() == usize::MAX {
        return Err(vm.runtime_error("Set changed size during iteration"));
    }
    match s.next_entry(it.pos.get()) {
        Some((np, k)) => {
            it.pos.set(np);
            Ok(Some(k))
        }
        None => {
            cell_set(&it.set, None);
            Ok(None)
        }
    }
}

fn setiter_length_hint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (it, _) = method_self::<SetIterObj>(vm, &args, "set_iterator", "__length_hint__")?;
    let n = match cell_get(&it.set) {
        Some(s) if it.pos.get() != usize::MAX => match s.downcast::<SetObj>() {
            Some(s) if s.len() == it.len => {
                // SAFETY: reads.
                unsafe { s.t() }.slots.iter().skip(it.pos.get()).flatten().filter(|e| e.key.is_some()).count()
            }
            _ => 0,
        },
        _ => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn setiter_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    if let Some(it) = o.downcast::<SetIterObj>() {
        cell_visit(&it.set, visit);
    }
}

fn binop_check(a: &PyRef, b: &PyRef) -> bool {
    is_anyset(a) && is_anyset(b)
}

fn set_or(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !binop_check(a, b) {
        return Ok(vm.not_implemented.clone());
    }
    let r = set_copy(vm, a)?;
    if !a.is(b) {
        set_update(vm, the_set(&r), b)?;
    }
    Ok(r)
}

fn set_and(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !binop_check(a, b) {
        return Ok(vm.not_implemented.clone());
    }
    set_intersection(vm, a, b)
}

fn set_sub(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !binop_check(a, b) {
        return Ok(vm.not_implemented.clone());
    }
    set_difference(vm, a, b)
}

fn set_xor(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !binop_check(a, b) {
        return Ok(vm.not_implemented.clone());
    }
    set_symmetric_difference(vm, a, b)
}

/// CPython's frozenset hash: xor of shuffled entry hashes, mixed with the size.
pub fn frozenset_hash_of(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut hash: u64 = 0;
    for h in hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= (len as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        590923713
    } else {
        hash as i64
    }
}

fn frozenset_hash(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    let s = so(vm, o)?;
    if s.hash.get() != -1 {
        return Ok(s.hash.get());
    }
    let entries = s.entries();
    let h = frozenset_hash_of(entries.iter().map(|e| e.0), entries.len());
    s.hash.set(h);
    Ok(h)
}

fn set_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("set.__new__(X): X is not a type object"))?;
    if !args.kwnames.is_empty() && std::ptr::eq(&*t, &*vm.types.set) {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    Ok(new_set_of_type(&t))
}

fn set_init(vm: &Vm, o: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let s = so(vm, o)?;
    if !args.kwnames.is_empty() && std::ptr::eq(o.ty(), &*vm.types.set) {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    arg_count(vm, args.positional(), "set", 0, 1)?;
    if !s.is_empty() {
        s.clear();
    }
    if let Some(it) = args.positional().first() {
        set_update(vm, s, it)?;
    }
    Ok(vm.none())
}

fn frozenset_new(vm: &Vm, cls: &PyRef, args: FuncArgs<'_>) -> PyResult {
    let t = TypeRef::new(cls.clone()).ok_or_else(|| vm.type_error("frozenset.__new__(X): X is not a type object"))?;
    let exact = std::ptr::eq(&*t, &*vm.types.frozenset);
    if !args.kwnames.is_empty() && exact {
        return Err(vm.type_error("frozenset() takes no keyword arguments"));
    }
    let pos = args.positional();
    arg_count(vm, pos, "frozenset", 0, 1)?;
    if let Some(src) = pos.first() {
        if exact && std::ptr::eq(src.ty(), &*vm.types.frozenset) {
            return Ok(src.clone());
        }
    }
    let r = new_set_of_type(&t);
    if let Some(src) = pos.first() {
        set_update(vm, the_set(&r), src)?;
    }
    Ok(r)
}

fn set_traverse(o: &PyObject, visit: &mut crate::object::gc::Visitor<'_>) {
    // The visitor gets new references one key at a time, not a borrow of
    // the table, so it may do anything.
    if let Some(s) = o.downcast::<SetObj>() {
        let mut pos = 0;
        while let Some((next, k)) = s.next_entry(pos) {
            visit.visit(&k);
            pos = next;
        }
    }
}

fn set_clear_slot(o: &PyObject) {
    if let Some(s) = o.downcast::<SetObj>() {
        s.clear();
    }
}

// ----- methods -----

fn this<'a>(vm: &Vm, args: &FuncArgs<'a>, meth: &str) -> PyResult<(&'a SetObj, &'a [PyRef])> {
    let name = args.args.first().map_or("set", |o| if o.ty().is_subtype(&vm.types.set) { "set" } else { "frozenset" });
    method_self::<SetObj>(vm, args, name, meth)
}

fn qual(vm: &Vm, args: &FuncArgs<'_>, meth: &str) -> String {
    let frozen = args.args.first().is_some_and(|o| !o.ty().is_subtype(&vm.types.set));
    format!("{}.{meth}", if frozen { "frozenset" } else { "set" })
}

fn m_add(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "add")?;
    set_add(vm, s, one_arg(vm, rest, "set.add")?.clone())?;
    Ok(vm.none())
}

fn m_remove(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "remove")?;
    let k = one_arg(vm, rest, "set.remove")?;
    if !set_discard_key(vm, s, k)? {
        return Err(vm.key_error(k.clone()));
    }
    Ok(vm.none())
}

fn m_discard(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "discard")?;
    set_discard_key(vm, s, one_arg(vm, rest, "set.discard")?)?;
    Ok(vm.none())
}

fn m_pop(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "pop")?;
    no_args(vm, rest, "set.pop")?;
    s.pop_any().ok_or_else(|| vm.key_error(vm.new_str("pop from an empty set")))
}

fn m_clear(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "clear")?;
    no_args(vm, rest, "set.clear")?;
    s.clear();
    Ok(vm.none())
}

fn m_copy(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (_, rest) = this(vm, &args, "copy")?;
    no_args(vm, rest, &qual(vm, &args, "copy"))?;
    let me = &args.args[0];
    if std::ptr::eq(me.ty(), &*vm.types.frozenset) {
        return Ok(me.clone());
    }
    set_copy(vm, me)
}

fn m_update(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "update")?;
    for o in rest {
        set_update(vm, s, o)?;
    }
    Ok(vm.none())
}

fn m_union(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (_, rest) = this(vm, &args, "union")?;
    let me = &args.args[0];
    let r = set_copy(vm, me)?;
    for o in rest {
        if !o.is(me) {
            set_update(vm, the_set(&r), o)?;
        }
    }
    Ok(r)
}

fn m_intersection(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (_, rest) = this(vm, &args, "intersection")?;
    let mut r = args.args[0].clone();
    if rest.is_empty() {
        return set_copy(vm, &r);
    }
    for o in rest {
        r = set_intersection(vm, &r, o)?;
    }
    Ok(r)
}

fn m_intersection_update(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, _) = this(vm, &args, "intersection_update")?;
    let tmp = m_intersection(vm, args)?;
    s.swap_bodies(the_set(&tmp));
    Ok(vm.none())
}

fn m_difference(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (_, rest) = this(vm, &args, "difference")?;
    let me = &args.args[0];
    let Some((first, others)) = rest.split_first() else { return set_copy(vm, me) };
    let r = set_difference(vm, me, first)?;
    for o in others {
        set_difference_update(vm, the_set(&r), o)?;
    }
    Ok(r)
}

fn m_difference_update(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "difference_update")?;
    for o in rest {
        set_difference_update(vm, s, o)?;
    }
    Ok(vm.none())
}

fn m_symmetric_difference(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (_, rest) = this(vm, &args, "symmetric_difference")?;
    let o = one_arg(vm, rest, &qual(vm, &args, "symmetric_difference"))?;
    set_symmetric_difference(vm, &args.args[0], o)
}

fn m_symmetric_difference_update(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "symmetric_difference_update")?;
    set_symmetric_difference_update(vm, s, one_arg(vm, rest, "set.symmetric_difference_update")?)?;
    Ok(vm.none())
}

fn m_issubset(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "issubset")?;
    let o = one_arg(vm, rest, &qual(vm, &args, "issubset"))?;
    let owned;
    let other = match o.downcast::<SetObj>() {
        Some(x) => x,
        None => {
            owned = set_from_iterable(vm, o)?;
            the_set(&owned)
        }
    };
    Ok(vm.new_bool(is_subset(vm, s, other)?))
}

fn m_issuperset(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "issuperset")?;
    let o = one_arg(vm, rest, &qual(vm, &args, "issuperset"))?;
    if let Some(x) = o.downcast::<SetObj>() {
        return Ok(vm.new_bool(is_subset(vm, x, s)?));
    }
    let it = vm.iter(o)?;
    while let Some(k) = vm.next(&it)? {
        if !set_contains_key(vm, s, &k)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

fn m_isdisjoint(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "isdisjoint")?;
    let o = one_arg(vm, rest, &qual(vm, &args, "isdisjoint"))?;
    if let Some(x) = o.downcast::<SetObj>() {
        let (small, big) = if x.len() > s.len() { (s, x) } else { (x, s) };
        for (h, k) in small.entries() {
            if big.contains_hashed(vm, &k, h)? {
                return Ok(vm.false_.clone());
            }
        }
        return Ok(vm.true_.clone());
    }
    let it = vm.iter(o)?;
    while let Some(k) = vm.next(&it)? {
        if set_contains_key(vm, s, &k)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

fn m_sizeof(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "__sizeof__")?;
    no_args(vm, rest, &qual(vm, &args, "__sizeof__"))?;
    // SAFETY: a read.
    let size = unsafe { s.t() }.slots.len();
    Ok(vm.new_int(if size <= MIN_SIZE { 200 } else { 200 + 16 * size as i64 }))
}

/// In-place operator methods of `set` (`__ior__` ...): NotImplemented unless
/// the operand is a set or frozenset.
fn inplace(vm: &Vm, args: FuncArgs<'_>, meth: &str, f: fn(&Vm, &SetObj, &PyRef) -> PyResult<()>) -> PyResult {
    let (s, rest) = this(vm, &args, meth)?;
    let o = one_arg(vm, rest, &format!("set.{meth}"))?;
    if !is_anyset(o) {
        return Ok(vm.not_implemented.clone());
    }
    f(vm, s, o)?;
    Ok(args.args[0].clone())
}

fn m_ior(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    inplace(vm, args, "__ior__", set_update)
}
fn m_isub(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    inplace(vm, args, "__isub__", set_difference_update)
}
fn m_ixor(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    inplace(vm, args, "__ixor__", set_symmetric_difference_update)
}
fn m_iand(vm: &Vm, args: FuncArgs<'_>) -> PyResult {
    let (s, rest) = this(vm, &args, "__iand__")?;
    let o = one_arg(vm, rest, "set.__iand__")?;
    if !is_anyset(o) {
        return Ok(vm.not_implemented.clone());
    }
    let tmp = set_intersection(vm, &args.args[0], o)?;
    s.swap_bodies(the_set(&tmp));
    Ok(args.args[0].clone())
}

/// Install the slots and methods of `set`, `frozenset` and `set_iterator`.
pub(crate) fn init(vm: &Vm) {
    let common = Slots {
        repr: Some(set_repr),
        richcompare: Some(set_richcompare),
        len: Some(set_len),
        contains: Some(set_contains),
        iter: Some(set_iter),
        or: Some(set_or),
        and: Some(set_and),
        sub: Some(set_sub),
        xor: Some(set_xor),
        traverse: Some(set_traverse),
        ..Default::default()
    };
    let st = &vm.types.set;
    vm.set_type_slots(st, Slots { new: Some(set_new), init: Some(set_init), clear: Some(set_clear_slot), ..common });
    let mut s = *st.slots();
    s.hash = None;
    st.set_slots(s);
    vm.dict_set_str(st.dict(), "__hash__", vm.none());
    let ft = &vm.types.frozenset;
    vm.set_type_slots(
        ft,
        Slots { new: Some(frozenset_new), hash: Some(frozenset_hash), clear: Some(set_clear_slot), ..common },
    );

    for t in [st, ft] {
        vm.add_method(t, "copy", m_copy);
        vm.add_method(t, "union", m_union);
        vm.add_method(t, "intersection", m_intersection);
        vm.add_method(t, "difference", m_difference);
        vm.add_method(t, "symmetric_difference", m_symmetric_difference);
        vm.add_method(t, "issubset", m_issubset);
        vm.add_method(t, "issuperset", m_issuperset);
        vm.add_method(t, "isdisjoint", m_isdisjoint);
        vm.add_method(t, "__sizeof__", m_sizeof);
        vm.add_classmethod(t, "__class_getitem__", crate::types::list::class_getitem);
    }
    vm.add_method(st, "add", m_add);
    vm.add_method(st, "remove", m_remove);
    vm.add_method(st, "discard", m_discard);
    vm.add_method(st, "pop", m_pop);
    vm.add_method(st, "clear", m_clear);
    vm.add_method(st, "update", m_update);
    vm.add_method(st, "intersection_update", m_intersection_update);
    vm.add_method(st, "difference_update", m_difference_update);
    vm.add_method(st, "symmetric_difference_update", m_symmetric_difference_update);
    vm.add_method(st, "__ior__", m_ior);
    vm.add_method(st, "__iand__", m_iand);
    vm.add_method(st, "__isub__", m_isub);
    vm.add_method(st, "__ixor__", m_ixor);
    crate::types::iter::add_sequence_dunders(vm, st);
    crate::types::iter::add_sequence_dunders(vm, ft);

    let it = &vm.types.set_iter;
    vm.set_type_slots(
        it,
        Slots {
            iter: Some(|_, o| Ok(o.clone())),
            iternext: Some(setiter_next),
            traverse: Some(setiter_traverse),
            ..Default::default()
        },
    );
    vm.add_method(it, "__length_hint__", setiter_length_hint);
    crate::types::iter::add_sequence_dunders(vm, it);
}

#[cfg(test)]
mod tests {
    use super::frozenset_hash_of;

    #[test]
    fn frozenset_hash_matches_cpython() {
        assert_eq!(frozenset_hash_of([].into_iter(), 0), 133146708735736);
        assert_eq!(frozenset_hash_of([1i64, 2].into_iter(), 2), -1826646154956904602);
    }
}

#[cfg(test)]
mod behaviour_tests {
    use crate::types::iter::testutil::{call, ints, repr, vm};

    #[test]
    fn iteration_order_matches_cpython() {
        let vm = vm();
        let s = super::new_set_of_type(&vm.types.set);
        for i in [2, 1, 9, 17, 33] {
            call(&vm, &s, "add", &[vm.new_int(i)]).unwrap();
        }
        assert_eq!(repr(&vm, &s), "{1, 2, 33, 9, 17}");
        // A constant set literal is a frozenset merged into an empty set.
        let lit = super::new_set_of_type(&vm.types.set);
        super::set_update(&vm, super::the_set(&lit), &s).unwrap();
        assert_eq!(repr(&vm, &lit), "{1, 2, 33, 17, 9}");
        let s = super::set_from_iterable(&vm, &ints(&vm, &[33, 17, 9, 1, 2])).unwrap();
        assert_eq!(repr(&vm, &s), "{33, 2, 1, 9, 17}");
        let big = super::set_from_iterable(&vm, &ints(&vm, &(0..100).collect::<Vec<_>>())).unwrap();
        assert_eq!(vm.small_int_of(&call(&vm, &big, "__sizeof__", &[]).unwrap()), Some(8392));
        let five = super::set_from_iterable(&vm, &ints(&vm, &[0, 1, 2, 3, 4])).unwrap();
        assert_eq!(vm.small_int_of(&call(&vm, &five, "__sizeof__", &[]).unwrap()), Some(712));
        let fs = super::frozenset_from_iterable(&vm, &ints(&vm, &[1, 2, 3, 4, 5])).unwrap();
        let lit = super::new_set_of_type(&vm.types.set);
        super::set_update(&vm, super::the_set(&lit), &fs).unwrap();
        assert_eq!(vm.small_int_of(&call(&vm, &lit, "__sizeof__", &[]).unwrap()), Some(456));
        assert_eq!(repr(&vm, &super::new_set_of_type(&vm.types.set)), "set()");
        assert_eq!(repr(&vm, &fs), "frozenset({1, 2, 3, 4, 5})");
    }

    #[test]
    fn operators_and_pop() {
        let vm = vm();
        let a = super::set_from_iterable(&vm, &ints(&vm, &[1, 2, 3])).unwrap();
        let b = super::set_from_iterable(&vm, &ints(&vm, &[2, 3, 4])).unwrap();
        let op = |f: fn(&crate::vm::Vm, &crate::PyRef, &crate::PyRef) -> crate::PyResult| repr(&vm, &f(&vm, &a, &b).unwrap());
        assert_eq!(op(super::set_or), "{1, 2, 3, 4}");
        assert_eq!(op(super::set_and), "{2, 3}");
        assert_eq!(op(super::set_sub), "{1}");
        assert_eq!(op(super::set_xor), "{1, 4}");
        let p = call(&vm, &a, "pop", &[]).unwrap();
        assert_eq!(vm.small_int_of(&p), Some(1));
        assert_eq!(repr(&vm, &a), "{2, 3}");
        let d = super::new_set_of_type(&vm.types.set);
        for i in (0..200).step_by(8) {
            call(&vm, &d, "add", &[vm.new_int(i)]).unwrap();
        }
        for i in (0..200).step_by(16) {
            call(&vm, &d, "discard", &[vm.new_int(i)]).unwrap();
        }
        assert_eq!(repr(&vm, &d), "{8, 136, 24, 152, 40, 168, 56, 184, 72, 88, 104, 120}");
        assert_eq!(vm.small_int_of(&call(&vm, &d, "__sizeof__", &[]).unwrap()), Some(2248));
        assert_eq!(vm.small_int_of(&call(&vm, &d, "pop", &[]).unwrap()), Some(8));
        assert_eq!(vm.small_int_of(&call(&vm, &d, "pop", &[]).unwrap()), Some(136));
        let e = super::new_set_of_type(&vm.types.set);
        let err = call(&vm, &e, "pop", &[]).unwrap_err();
        assert_eq!(err.0.ty().name(), "KeyError");
        let f = super::frozenset_from_iterable(&vm, &ints(&vm, &[1, 2])).unwrap();
        assert_eq!(vm.hash(&f).unwrap(), -1826646154956904602);
    }
}
