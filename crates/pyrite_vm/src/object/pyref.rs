//! [`PyRef`], the owning reference: one strong reference to an object.

use std::ptr::NonNull;

use super::header::PyObject;
use crate::types::typeobj::Layout;

/// An owned strong reference. Cloning increments the reference count, dropping
/// decrements it and deallocates the object at zero, synchronously.
///
/// `PyRef` is one pointer wide and `Option<PyRef>` uses the null niche, so value
/// stacks and local slots hold plain pointers.
#[repr(transparent)]
pub struct PyRef(NonNull<PyObject>);

const _: () = assert!(std::mem::size_of::<Option<PyRef>>() == 8);

impl PyRef {
    /// Take ownership of one reference that the caller owns.
    ///
    /// # Safety
    /// `p` must point to a live object, and the caller must own one reference
    /// to it that is transferred to the returned `PyRef`.
    #[inline(always)]
    pub unsafe fn from_raw(p: NonNull<PyObject>) -> PyRef {
        PyRef(p)
    }

    /// Make a new strong reference from a borrowed object.
    ///
    /// Any `&PyObject` points into object memory (see [`PyObject`]), so this
    /// only has to refuse an object that is being torn down (count zero, its
    /// memory about to be freed): that panics instead of reviving it.
    #[inline(always)]
    pub fn from_obj(o: &PyObject) -> PyRef {
        assert!(o.refcnt() > 0, "new reference to a dead object");
        // SAFETY: the object is alive (positive count); the new `PyRef` owns the increment.
        unsafe { o.incref() };
        PyRef(NonNull::from(o))
    }

    /// Give up ownership without decrementing; the pointer now carries the reference.
    #[inline(always)]
    pub fn into_raw(self) -> NonNull<PyObject> {
        let p = self.0;
        std::mem::forget(self);
        p
    }

    /// The raw pointer (identity, `id()`).
    #[inline(always)]
    pub fn as_ptr(&self) -> *mut PyObject {
        self.0.as_ptr()
    }

    /// `self is other`.
    #[inline(always)]
    pub fn is(&self, other: &PyObject) -> bool {
        std::ptr::eq(self.0.as_ptr(), other)
    }

    /// The typed payload when the object's layout is `T`'s (including subclasses).
    #[inline(always)]
    pub fn downcast<T: PyPayload>(&self) -> Option<&T> {
        (**self).downcast()
    }
}

impl PyObject {
    /// The typed payload when the object's layout is `T`'s (including subclasses).
    #[inline(always)]
    pub fn downcast<T: PyPayload>(&self) -> Option<&T> {
        if self.ty().layout == T::LAYOUT {
            // SAFETY: objects whose type has layout `T::LAYOUT` were allocated by
            // `alloc_object::<T>` and start with a `T` (`#[repr(C)]`, header first).
            Some(unsafe { &*(self as *const PyObject as *const T) })
        } else {
            None
        }
    }

    /// The typed payload when the caller knows the layout matches.
    ///
    /// # Safety
    /// `self.ty().layout` must equal `T::LAYOUT`.
    #[inline(always)]
    pub unsafe fn downcast_unchecked<T: PyPayload>(&self) -> &T {
        debug_assert!(self.ty().layout == T::LAYOUT);
        // SAFETY: guaranteed by the caller, see `downcast`.
        unsafe { &*(self as *const PyObject as *const T) }
    }
}

impl Clone for PyRef {
    #[inline(always)]
    fn clone(&self) -> Self {
        // SAFETY: this reference keeps the object alive; the clone owns the new count.
        unsafe { (**self).incref() };
        PyRef(self.0)
    }
}

impl Drop for PyRef {
    #[inline(always)]
    fn drop(&mut self) {
        let o: &PyObject = self;
        let n = o.refcnt() - 1;
        debug_assert!(n >= 0, "reference count went negative");
        // SAFETY: this reference is given up here, so the count drops by one.
        unsafe { o.set_refcnt(n) };
        if n == 0 {
            // SAFETY: the count reached zero, so this was the last reference.
            unsafe { super::dealloc(self.0) }
        }
    }
}

impl std::ops::Deref for PyRef {
    type Target = PyObject;
    #[inline(always)]
    fn deref(&self) -> &PyObject {
        // SAFETY: a PyRef keeps its object alive.
        unsafe { self.0.as_ref() }
    }
}

impl std::fmt::Debug for PyRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:p}>", self.ty().name(), self.as_ptr())
    }
}

/// A Rust struct that is the memory layout of some Python objects.
///
/// # Safety
/// Implementors must be `#[repr(C)]` with an [`ObjHeader`](super::ObjHeader)
/// as their first field, and `LAYOUT` must be unique to the implementing struct.
pub unsafe trait PyPayload: Sized {
    /// The layout tag carried by every type whose instances are a `Self`.
    const LAYOUT: Layout;
}
