//! Inline caches of the attribute instructions (`LOAD_ATTR`, `STORE_ATTR`,
//! `LOAD_METHOD`), after PEP 659: each such instruction of a code object
//! has an entry that remembers what the last lookup learnt about the
//! receiver's type — "the attribute is the instance value at shared-key
//! index `i`", "the method is this function and instances cannot shadow
//! it" — and the next execution with a receiver of the same type skips
//! the lookup.
//!
//! What an entry knows holds while no type changes: it is tagged with the
//! type cache's epoch ([`crate::ops::TypeCache::epoch`]), which every class
//! creation, class attribute change and full collection ends. The
//! instruction stream itself stays immutable.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrite_compiler::bytecode::{Instruction, Opcode};

use crate::object::{PyObject, PyRef};
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

/// The inline caches of one code object.
pub struct InlineCaches {
    /// Per instruction: its entry's index plus one, 0 if it has none.
    index: Box<[u16]>,
    entries: Box<[Entry]>,
}

fn is_attr_instruction(op: Opcode) -> bool {
    matches!(op, Opcode::LOAD_ATTR | Opcode::STORE_ATTR | Opcode::LOAD_METHOD)
}

impl InlineCaches {
    /// Entries for the attribute instructions of `instrs` (the first 65,535).
    pub fn new(instrs: &[Instruction]) -> InlineCaches {
        let mut n: u16 = 0;
        let index = instrs
            .iter()
            .map(|i| {
                if is_attr_instruction(i.op) && n < u16::MAX {
                    n += 1;
                    n
                } else {
                    0
                }
            })
            .collect();
        InlineCaches { index, entries: (0..n).map(|_| Entry::default()).collect() }
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
