//! Inline caches, after PEP 659: each attribute instruction (`LOAD_ATTR`,
//! `STORE_ATTR`, `LOAD_METHOD`) and each `LOAD_GLOBAL` of a code object has
//! an entry that remembers what the last lookup learnt, and the next
//! execution that meets the same situation skips the lookup.
//!
//! - Attribute entries remember, for the receiver's type, "the attribute is
//!   the instance value at shared-key index `i`" or "the method is this
//!   function and instances cannot shadow it". That holds while no type
//!   changes: an entry is tagged with the type cache's epoch
//!   ([`crate::ops::TypeCache::epoch`]), which every class creation, class
//!   attribute change and full collection ends.
//! - Global entries remember the entry index of the name in the globals
//!   (checked by the key found there) or in the builtins (valid while the
//!   globals keep the version in which the name was missing).
//!
//! The instruction stream itself stays immutable.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_compiler::bytecode::{Instruction, Opcode};

use crate::object::{PyObject, PyRef};
use crate::types::dict::DictObj;
use crate::types::instance;
use crate::types::typeobj::{GetAttrFn, PyType, SetAttrFn, TypeFlags};
use crate::vm::Vm;

/// What an entry has learnt.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Nothing yet.
    Empty,
    /// The attribute is an instance value at this shared-key index, and no
    /// data descriptor on the type overrides it.
    InstanceValue(u32),
    /// The method found on the type (pinned for the epoch); instances keep
    /// inline values whose shared keys, this many, do not hold the name.
    Method(NonNull<PyObject>, u32),
    /// The method found on the type; instances have no attribute storage.
    MethodNoDict(NonNull<PyObject>),
    /// This type is handled by the generic path here.
    Generic,
}

/// One instruction's entry.
struct Entry {
    /// The receiver's type (by address).
    ty: Cell<usize>,
    /// The epoch the entry was filled in.
    epoch: Cell<u64>,
    kind: Cell<Kind>,
}

impl Default for Entry {
    fn default() -> Self {
        Entry { ty: Cell::new(0), epoch: Cell::new(0), kind: Cell::new(Kind::Empty) }
    }
}

/// One `LOAD_GLOBAL`'s entry.
#[derive(Default)]
struct GlobalEntry {
    /// The globals dict (by address), 0 when empty.
    globals: Cell<usize>,
    /// For a builtin: the globals' version in which the name was missing.
    globals_version: Cell<u64>,
    /// For a builtin: the builtins dict (by address); 0 for a global.
    builtins: Cell<usize>,
    /// The entry index of the name in that dict.
    ix: Cell<usize>,
}

/// The inline caches of one code object.
pub struct InlineCaches {
    /// Per instruction: its entry's index (among its kind's) plus one, 0
    /// if it has none.
    index: Box<[u16]>,
    entries: Box<[Entry]>,
    globals: Box<[GlobalEntry]>,
}

impl InlineCaches {
    /// Entries for the attribute instructions and `LOAD_GLOBAL`s of
    /// `instrs` (the first 65,535 of each).
    pub fn new(instrs: &[Instruction]) -> InlineCaches {
        let (mut attrs, mut globals): (u16, u16) = (0, 0);
        let index = instrs
            .iter()
            .map(|i| {
                let n = match i.op {
                    Opcode::LOAD_ATTR | Opcode::STORE_ATTR | Opcode::LOAD_METHOD => &mut attrs,
                    Opcode::LOAD_GLOBAL => &mut globals,
                    _ => return 0,
                };
                *n = n.saturating_add(1);
                if *n == u16::MAX {
                    0
                } else {
                    *n
                }
            })
            .collect();
        InlineCaches {
            index,
            entries: (0..attrs.min(u16::MAX - 1)).map(|_| Entry::default()).collect(),
            globals: (0..globals.min(u16::MAX - 1)).map(|_| GlobalEntry::default()).collect(),
        }
    }

    #[inline(always)]
    fn global_entry(&self, at: usize) -> Option<&GlobalEntry> {
        let i = *self.index.get(at)? as usize;
        self.globals.get(i.checked_sub(1)?)
    }

    /// `LOAD_GLOBAL` of `name` at instruction `at` from what its entry
    /// knows: `None` means "take the generic path".
    #[inline(always)]
    pub fn load_global(&self, at: usize, globals: &PyRef, builtins: &PyRef, name: &PyRef) -> Option<PyRef> {
        let e = self.global_entry(at)?;
        if e.globals.get() != globals.as_ptr() as usize {
            return None;
        }
        let b = e.builtins.get();
        if b == 0 {
            return globals.downcast::<DictObj>()?.value_at(e.ix.get(), name);
        }
        if b != builtins.as_ptr() as usize || globals.downcast::<DictObj>()?.version() != e.globals_version.get() {
            return None;
        }
        builtins.downcast::<DictObj>()?.value_at(e.ix.get(), name)
    }

    /// After a generic `LOAD_GLOBAL` of `name` at `at`: learn where it was.
    pub fn learn_global(&self, vm: &Vm, at: usize, globals: &PyRef, builtins: &PyRef, name: &PyRef) {
        let Some(e) = self.global_entry(at) else { return };
        let Some(g) = globals.downcast::<DictObj>() else { return };
        let version = g.version();
        if let Ok(Some(ix)) = g.index_of(vm, name) {
            e.globals.set(globals.as_ptr() as usize);
            e.builtins.set(0);
            e.ix.set(ix);
            return;
        }
        let Some(b) = builtins.downcast::<DictObj>() else { return };
        // The globals' version is read before the lookup in the builtins, in
        // case that lookup runs code that changes the globals.
        if let (Ok(Some(ix)), true) = (b.index_of(vm, name), g.version() == version) {
            e.globals.set(globals.as_ptr() as usize);
            e.globals_version.set(version);
            e.builtins.set(builtins.as_ptr() as usize);
            e.ix.set(ix);
        }
    }

    /// The entry of instruction `at` that is valid for a receiver of type
    /// `ty` in the current epoch.
    #[inline(always)]
    fn valid(&self, vm: &Vm, at: usize, ty: &PyType) -> Option<Kind> {
        let e = self.entry(at)?;
        if e.ty.get() == ty as *const PyType as usize && e.epoch.get() == vm.type_cache.epoch() {
            Some(e.kind.get())
        } else {
            None
        }
    }

    #[inline(always)]
    fn entry(&self, at: usize) -> Option<&Entry> {
        let i = *self.index.get(at)? as usize;
        self.entries.get(i.checked_sub(1)?)
    }

    fn learn(&self, vm: &Vm, at: usize, ty: &PyType, kind: Kind) {
        let epoch = vm.type_cache.epoch();
        if let (Some(e), true) = (self.entry(at), epoch != 0) {
            e.ty.set(ty as *const PyType as usize);
            e.epoch.set(epoch);
            e.kind.set(kind);
        }
    }

    /// `LOAD_ATTR` of instruction `at` from what its entry knows: `None`
    /// means "take the generic path".
    #[inline(always)]
    pub fn load_attr(&self, vm: &Vm, at: usize, o: &PyRef) -> Option<PyRef> {
        match self.valid(vm, at, o.ty())? {
            Kind::InstanceValue(ix) => instance::cached_value(o, ix as usize),
            _ => None,
        }
    }

    /// After a generic `LOAD_ATTR` of `name` from `o` at `at`: learn
    /// whether the next one can read the instance value directly.
    pub fn learn_load_attr(&self, vm: &Vm, at: usize, o: &PyRef, name: &PyRef) {
        let ty = o.ty();
        if self.valid(vm, at, ty).is_some() {
            return;
        }
        let kind = instance_value_index(vm, ty, name, ty.slots().getattro.is_none_or(|g| {
            std::ptr::fn_addr_eq(g, crate::ops::generic_getattr as GetAttrFn)
        }))
        .map_or(Kind::Generic, Kind::InstanceValue);
        self.learn(vm, at, ty, kind);
    }

    /// `STORE_ATTR` of `v` at instruction `at`: `Err(v)` means "take the
    /// generic path". The replaced value is dropped here, after the store.
    #[inline(always)]
    pub fn store_attr(&self, vm: &Vm, at: usize, o: &PyRef, v: PyRef) -> Result<(), PyRef> {
        match self.valid(vm, at, o.ty()) {
            Some(Kind::InstanceValue(ix)) => instance::cached_store(o, ix as usize, v).map(drop),
            _ => Err(v),
        }
    }

    /// After a generic `STORE_ATTR` of `name` on `o` at `at`: learn whether
    /// the next one can store the instance value directly.
    pub fn learn_store_attr(&self, vm: &Vm, at: usize, o: &PyRef, name: &PyRef) {
        let ty = o.ty();
        if self.valid(vm, at, ty).is_some() {
            return;
        }
        let generic = ty.slots().setattro.is_none_or(|g| std::ptr::fn_addr_eq(g, crate::ops::generic_setattr as SetAttrFn));
        let kind = instance_value_index(vm, ty, name, generic).map_or(Kind::Generic, Kind::InstanceValue);
        self.learn(vm, at, ty, kind);
    }

    /// `LOAD_METHOD` at instruction `at` from what its entry knows: the
    /// unbound method, or `None` for the generic path.
    #[inline(always)]
    pub fn load_method(&self, vm: &Vm, at: usize, o: &PyRef) -> Option<PyRef> {
        let (m, keys) = match self.valid(vm, at, o.ty())? {
            Kind::Method(m, keys) => (m, Some(keys)),
            Kind::MethodNoDict(m) => (m, None),
            _ => return None,
        };
        if let Some(keys) = keys {
            if !instance::unshadowed(o, keys as usize) {
                return None;
            }
        }
        // SAFETY: the entry is valid in the current epoch, during which the
        // method it points at is pinned (`learn_load_method`), so it is alive.
        Some(PyRef::from_obj(unsafe { m.as_ref() }))
    }

    /// After `LOAD_METHOD` found `method` (unbound) for `o` at `at`: learn it
    /// for the next receiver of the same type.
    pub fn learn_load_method(&self, vm: &Vm, at: usize, o: &PyRef, name: &PyRef, method: Option<&PyRef>) {
        let ty = o.ty();
        if vm.type_cache.epoch() == 0 || self.valid(vm, at, ty).is_some() {
            return;
        }
        let kind = match method {
            Some(m) if ty.dictoffset == 0 && vm.type_cache.pin(m) => Kind::MethodNoDict(NonNull::from(&**m)),
            Some(m) if ty.has_flag(TypeFlags::INLINE_VALUES) => {
                let keys = &ty.shared_keys;
                if keys.index_of(name).is_none() && vm.type_cache.pin(m) {
                    Kind::Method(NonNull::from(&**m), keys.len() as u32)
                } else {
                    Kind::Generic
                }
            }
            _ => Kind::Generic,
        };
        self.learn(vm, at, ty, kind);
    }
}

/// The shared-key index under which instances of `ty` keep attribute
/// `name`, when reading or writing it through the instance value is what
/// the generic path would do: `generic` attribute access, no data
/// descriptor for `name` on the type, and `name` a shared key.
fn instance_value_index(vm: &Vm, ty: &PyType, name: &PyRef, generic: bool) -> Option<u32> {
    if !generic || !ty.has_flag(TypeFlags::INLINE_VALUES) {
        return None;
    }
    if let Some(a) = vm.lookup_type(ty, name) {
        if a.ty().slots().descr_set.is_some() {
            return None;
        }
    }
    ty.shared_keys.index_of(name).map(|i| i as u32)
}
