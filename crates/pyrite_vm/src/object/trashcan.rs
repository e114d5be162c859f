//! Deallocation, made iterative for deep structures (CPython's "trashcan").
//!
//! Dropping the last reference to a container drops its children, which may
//! drop theirs, and so on: a 1,000,000-deep nested list would recurse a
//! million Rust frames. Instead, each thread counts how deep it is inside
//! container deallocators; past [`MAX_DEPTH`] the dying container is pushed on
//! a per-thread deferred list and destroyed once the outermost deallocator
//! returns. Shallow structures keep their natural release order (OBJ-4).

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use super::header::PyObject;

/// Nesting depth of container deallocators beyond which destruction is deferred.
const MAX_DEPTH: usize = 50;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static DEFERRED: RefCell<Vec<NonNull<PyObject>>> = const { RefCell::new(Vec::new()) };
}

/// Run the deallocator of an object whose reference count just reached zero.
///
/// # Safety
/// `o` must be a live object with a reference count of zero, owned by nobody.
pub(crate) unsafe fn dealloc(o: NonNull<PyObject>) {
    // SAFETY: `o` is live until its deallocator frees it.
    let ty = unsafe { o.as_ref().ty() };
    let dealloc_fn = ty.dealloc;
    if !ty.is_gc() {
        // SAFETY: forwarded from the caller.
        unsafe { dealloc_fn(o) };
        return;
    }
    // A dying container leaves its generation first: a collection started by
    // Python code that runs while its payload is dropped (a child's
    // `__del__`) must not see it. Deallocators that run a finalizer track
    // the object again for that call.
    // SAFETY: as above.
    super::gc::untrack(unsafe { o.as_ref() });
    let depth = DEPTH.with(|d| d.get());
    if depth >= MAX_DEPTH {
        DEFERRED.with(|l| l.borrow_mut().push(o));
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: forwarded from the caller.
    unsafe { dealloc_fn(o) };
    if depth == 0 {
        // Outermost deallocator: destroy what was deferred, each at depth 1 so
        // its own deep children are deferred again rather than recursed into.
        while let Some(next) = DEFERRED.with(|l| l.borrow_mut().pop()) {
            // SAFETY: deferred objects are dead objects nobody references.
            let f = unsafe { next.as_ref().ty().dealloc };
            // SAFETY: as above.
            unsafe { f(next) };
        }
    }
    DEPTH.with(|d| d.set(depth));
}
