//! The builtin types: one module per type (CPython's `Objects/<x>object.c`),
//! plus the bootstrap that creates every type object at start-up.

pub mod bool;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod descr;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod format;
pub mod function;
pub mod generator;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod mappingproxy;
pub mod module;
pub mod object;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod superobj;
pub mod textio;
pub mod tuple;
pub mod typeobj;
pub mod typenew;
pub mod typeslots;
pub mod weakref;

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use crate::object::{alloc_type_object, PyObject, PyPayload, PyRef};
use typeobj::{DeallocFn, Layout, PyType, Slots, TypeFlags};

/// A strong reference known to point at a type object.
#[derive(Clone)]
#[repr(transparent)]
pub struct TypeRef(PyRef);

impl TypeRef {
    /// Wrap a reference; `None` if it is not a type.
    pub fn new(r: PyRef) -> Option<TypeRef> {
        if r.ty().layout == Layout::Type {
            Some(TypeRef(r))
        } else {
            None
        }
    }
    /// Into a plain object reference.
    pub fn into_ref(self) -> PyRef {
        self.0
    }
}

impl AsRef<PyRef> for TypeRef {
    /// The reference as a plain object reference.
    fn as_ref(&self) -> &PyRef {
        &self.0
    }
}

impl std::ops::Deref for TypeRef {
    type Target = PyType;
    #[inline(always)]
    fn deref(&self) -> &PyType {
        // SAFETY: a TypeRef is only built from objects whose layout is Type.
        unsafe { self.0.downcast_unchecked::<PyType>() }
    }
}

/// Drop the payload of a `T` and free the object (the deallocator of most
/// builtin types).
///
/// # Safety
/// `o` must be a dead object (refcount 0) allocated as a `T`.
pub unsafe fn dealloc_payload<T: PyPayload>(o: NonNull<PyObject>) {
    // Weakrefable builtin types clear their weak references first (WREF-3).
    // SAFETY: `o` is dead but intact until its payload is dropped below.
    if unsafe { o.as_ref() }.ty().weaklistoffset != 0 {
        // SAFETY: as above.
        weakref::clear_weakrefs_on_dealloc(unsafe { o.as_ref() });
    }
    // SAFETY: the object is a T and dead; free_object_memory reads only the header.
    unsafe {
        std::ptr::drop_in_place(o.as_ptr().cast::<T>());
        crate::object::free_object_memory(o);
    }
}

/// Create a builtin (static) type object.
///
/// # Safety
/// `layout`, `basicsize`, `dealloc` and `dictoffset` must satisfy the
/// contract of [`TypeLayoutToken::new`](typeobj::TypeLayoutToken::new)
/// (a static type has no `__slots__` cells).
#[allow(clippy::too_many_arguments)] // one call site per builtin type, each argument a type field `metatype` is `type` (or `None`
/// while bootstrapping `type` itself, which is then its own type).
pub(crate) unsafe fn new_static_type(
    metatype: Option<&TypeRef>,
    name: &str,
    layout: Layout,
    basicsize: usize,
    base: Option<&TypeRef>,
    flags: u32,
    dealloc: DeallocFn,
    dictoffset: usize,
) -> TypeRef {
    let mut mro = Vec::new();
    if let Some(b) = base {
        mro.extend(b.mro().iter().cloned());
    }
    let r = alloc_type_object(metatype.map(|m| &**m), |ob| PyType {
        ob,
        layout,
        basicsize,
        dictoffset,
        weaklistoffset: weakref::static_weaklistoffset(layout),
        nslots: 0,
        slotsoffset: 0,
        dealloc,
        flags: Cell::new(flags | TypeFlags::IMMUTABLE),
        name: UnsafeCell::new(name.to_string()),
        qualname: UnsafeCell::new(name.to_string()),
        base: UnsafeCell::new(base.map(|b| b.as_ref().clone())),
        bases: UnsafeCell::new(base.map(|b| vec![b.as_ref().clone()]).unwrap_or_default()),
        mro: UnsafeCell::new(Vec::new()),
        dict: UnsafeCell::new(None),
        slots: UnsafeCell::new(base.map(|b| *b.slots()).unwrap_or_default()),
        version: Cell::new(0),
        weaklist: weakref::WeakList::new(),
        retired_names: UnsafeCell::new(Vec::new()),
        shared_keys: Default::default(),
        // SAFETY: the layout fields are the caller's (contract); the value
        // goes straight to `alloc_type_object`.
        token: unsafe { typeobj::TypeLayoutToken::new() },
    });
    let t = TypeRef::new(r).expect("allocated a type");
    crate::object::gc::register_static_type(t.as_object());
    mro.insert(0, t.as_ref().clone());
    // SAFETY: the type was just created: nothing borrows its MRO.
    unsafe { t.set_mro(mro) };
    t
}

/// Install the dict of a type created before `dict` existed (once: a type
/// that has its dict keeps it, since `dict()` hands out borrows of it).
pub(crate) fn set_type_dict(t: &PyType, d: PyRef) {
    // SAFETY: short borrow; the field is only written while it is `None`,
    // and `dict()` borrows nothing then (it panics).
    unsafe {
        let slot = &mut *t.dict.get();
        if slot.is_none() {
            *slot = Some(d);
        }
    }
}

/// Inherit the slots of `base` into a slot table where they are unset.
pub(crate) fn inherit_slots(own: &mut Slots, base: &Slots) {
    macro_rules! inherit {
        ($($f:ident),*) => { $( if own.$f.is_none() { own.$f = base.$f; } )* };
    }
    inherit!(
        repr, str, hash, richcompare, getattro, setattro, call, new, init, iter, iternext, descr_get,
        descr_set, len, getitem, setitem, contains, bool, add, sub, mul, truediv, floordiv, rem, divmod,
        pow, lshift, rshift, and, or, xor, matmul, neg, pos, invert, abs, int, float, index, traverse,
        clear
    );
}

/// Run the `init` function of every builtin type module (slots, methods,
/// attributes), after all type objects exist.
pub(crate) fn init_all(vm: &crate::vm::Vm) {
    str::init(vm);
    format::init(vm);
    bytes::init(vm);
    int::init(vm);
    bool::init(vm);
    float::init(vm);
    singletons::init(vm);
    function::init(vm);
    module::init(vm);
    cell::init(vm);
    code::init(vm);
    crate::eval::generator::init(vm);
    superobj::init(vm);
    mappingproxy::init(vm);
    tuple::init(vm);
    list::init(vm);
    dict::init(vm);
    set::init(vm);
    range::init(vm);
    slice::init(vm);
    iter::init(vm);
    exceptions::init(vm);
    weakref::init(vm);
    textio::init(vm);
    descr::init_property_types(vm);
}
