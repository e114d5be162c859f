//! The two-word object header shared by every Python object.

use std::cell::Cell;
use std::ptr::NonNull;

use crate::types::typeobj::PyType;

/// The header every object starts with: reference count, then type pointer
/// (CPython's `PyObject`, 16 bytes on 64-bit targets).
///
/// Reference counts are plain words: all interpreter threads are serialised by
/// the GIL, so no atomic operations are needed.
#[repr(C)]
pub struct PyObject {
    refcnt: Cell<isize>,
    ob_type: Cell<NonNull<PyType>>,
}

const _: () = assert!(std::mem::size_of::<PyObject>() == 16);

impl PyObject {
    /// A header for a freshly allocated object of type `ty`, holding one reference.
    pub fn new_header(ty: NonNull<PyType>) -> Self {
        PyObject { refcnt: Cell::new(1), ob_type: Cell::new(ty) }
    }

    /// The current reference count.
    #[inline(always)]
    pub fn refcnt(&self) -> isize {
        self.refcnt.get()
    }

    /// Overwrite the reference count (used while resurrecting in `__del__`).
    #[inline(always)]
    pub(crate) fn set_refcnt(&self, n: isize) {
        self.refcnt.set(n);
    }

    /// Increment the reference count.
    #[inline(always)]
    pub fn incref(&self) {
        self.refcnt.set(self.refcnt.get() + 1);
    }

    /// The object's type.
    #[inline(always)]
    pub fn ty(&self) -> &PyType {
        // SAFETY: every live object holds its type alive: builtin types live as
        // long as the interpreter, and instances of heap types own a strong
        // reference to their type that is released only after the object is freed.
        unsafe { self.ob_type.get().as_ref() }
    }

    /// Raw type pointer (identity comparisons).
    #[inline(always)]
    pub fn type_ptr(&self) -> *const PyType {
        self.ob_type.get().as_ptr()
    }

    /// Replace the type pointer (`obj.__class__ = T`). The caller manages the
    /// references of heap types.
    pub(crate) fn set_type_ptr(&self, ty: NonNull<PyType>) {
        self.ob_type.set(ty);
    }
}
