//! The two-word object header shared by every Python object.

use std::cell::Cell;
use std::ptr::NonNull;

use crate::types::typeobj::PyType;

/// An object, seen through its header: reference count, then type pointer
/// (CPython's `PyObject`, 16 bytes on 64-bit targets).
///
/// Reference counts are plain words: all interpreter threads are serialised by
/// the GIL, so no atomic operations are needed.
///
/// A `PyObject` only ever exists in object memory: its fields are private and
/// the only value of it is the one inside an [`ObjHeader`], which gives no
/// access to it. So every `&PyObject` safe code can hold points to an object
/// allocated by [`alloc_object`](super::alloc_object) (it comes from a
/// [`PyRef`](super::PyRef), a type object, or an `unsafe` cast).
#[repr(C)]
pub struct PyObject {
    refcnt: Cell<isize>,
    ob_type: Cell<NonNull<PyType>>,
}

const _: () = assert!(std::mem::size_of::<PyObject>() == 16);

/// The header as a payload struct embeds it (its first field). It is inert:
/// a payload value under construction (in the closure given to
/// [`alloc_object`](super::alloc_object)) lives on the Rust stack, so nothing
/// may treat its header as an object. Only the object module makes one, and
/// only for an object it is about to place in object memory.
///
/// A header starts with a reference count of 0 ("not placed"); the
/// allocator sets it to 1 once the payload is in object memory
/// ([`ObjHeader::place`]). A payload value cannot be copied out of object
/// memory (payloads are neither `Copy` nor `Clone`), so a header whose count
/// is positive is the header of a live object in object memory.
#[repr(transparent)]
pub struct ObjHeader(PyObject);

impl ObjHeader {
    /// A header for an object of type `ty` about to be placed in object
    /// memory (count 0 until [`ObjHeader::place`]).
    pub(super) fn new(ty: NonNull<PyType>) -> Self {
        ObjHeader(PyObject { refcnt: Cell::new(0), ob_type: Cell::new(ty) })
    }

    /// Mark the object whose header starts at `obj` as placed: it holds the
    /// one reference its creator gets.
    ///
    /// # Safety
    /// `obj` is object memory where a payload starting with an `ObjHeader`
    /// made by [`ObjHeader::new`] was just written.
    pub(super) unsafe fn place(obj: *mut PyObject) {
        // SAFETY: guaranteed by the caller.
        unsafe { (*obj).refcnt.set(1) };
    }

    /// The object this header starts, if it is a live object in object
    /// memory (count above zero): `None` for a payload value still under
    /// construction, and for an object being deallocated.
    pub fn object(&self) -> Option<&PyObject> {
        (self.0.refcnt.get() > 0).then_some(&self.0)
    }

    /// The address of the object this header starts (identity comparisons
    /// with objects the caller holds; never dereferenced).
    pub fn addr(&self) -> *const PyObject {
        &self.0
    }
}

impl PyObject {
    /// The current reference count.
    #[inline(always)]
    pub fn refcnt(&self) -> isize {
        self.refcnt.get()
    }

    /// Overwrite the reference count (used while resurrecting in `__del__`).
    ///
    /// # Safety
    /// The count must stay equal to the number of owned references
    /// (`PyRef`s and raw owned pointers) that will be released: a deallocator
    /// may set it from 0 to 1 to lend the dying object to Python code and
    /// back, never make a live object's count reach zero while references
    /// remain, nor raise a dead object's count while its memory is being freed.
    #[inline(always)]
    pub(crate) unsafe fn set_refcnt(&self, n: isize) {
        self.refcnt.set(n);
    }

    /// Increment the reference count (the object module's own use: `PyRef`
    /// clones and type references; elsewhere clone a `PyRef`).
    ///
    /// # Safety
    /// The object must be alive (not being torn down), and the caller owns
    /// the new reference (it is released by dropping a `PyRef` made for it).
    #[inline(always)]
    pub(super) unsafe fn incref(&self) {
        self.refcnt.set(self.refcnt.get() + 1);
    }

    /// The object's type.
    #[inline(always)]
    pub fn ty(&self) -> &PyType {
        // SAFETY: every live object holds its type alive: builtin types live as
        // long as the interpreter, and instances of heap types own a strong
        // reference to their type that is released only after the object is
        // freed (`__class__` assignment never releases the old type, see
        // `set_type_ptr`).
        unsafe { self.ob_type.get().as_ref() }
    }

    /// Raw type pointer (identity comparisons).
    #[inline(always)]
    pub fn type_ptr(&self) -> *const PyType {
        self.ob_type.get().as_ptr()
    }

    /// Replace the type pointer (`obj.__class__ = T`).
    ///
    /// # Safety
    /// `ty` must be alive and lay out its instances exactly as the current
    /// type does (same `layout`, `basicsize`, `dictoffset`, `nslots`,
    /// `slotsoffset`, GC-ness); the caller manages the references of heap
    /// types and must keep the old type alive for as long as the object lives
    /// (a `&PyType` obtained from [`PyObject::ty`] may still be borrowed).
    pub(crate) unsafe fn set_type_ptr(&self, ty: NonNull<PyType>) {
        self.ob_type.set(ty);
    }
}
