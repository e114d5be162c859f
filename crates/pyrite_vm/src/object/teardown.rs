//! The exit teardown: freeing every container still alive when the
//! interpreter is gone.
//!
//! After the last collection at exit, what is left are objects that live as
//! long as the interpreter (type objects, their MROs and dicts, the builtins
//! module, module cycles) and garbage kept by `gc.garbage`.
//! [`release_all_objects`], the last step of a program run, frees them all
//! without running Python code, so a leak checker run with
//! `PYTHONMALLOC=malloc` sees every block freed.

use std::ptr::NonNull;

use super::alloc::{raw_free, GC_HEAD_SIZE};
use super::gc::{for_each_tracked, reset_lists, FLAGS, TEARDOWN};
use super::header::PyObject;
use crate::types::typeobj::{Layout, PyType};

/// A reference count no decrement brings to zero during the teardown.
const IMMORTAL: isize = isize::MAX / 4;

/// Free every tracked container still alive on this thread — and, through their
/// references, everything they hold — without running any Python code.
///
/// Steps: detach every tracked container from its generation, mark it with
/// the teardown flag and make its count immortal (so no deallocation recurses into
/// another container); run the deallocator of every non-type container (its
/// references are released; its memory is kept because of the mark); release
/// what type objects hold (extra cells of metaclass instances, then the type
/// payload); finally free every container's memory, with sizes computed
/// while all types were intact.
///
/// # Safety
/// Must run after the thread's interpreter is dropped (no current `Vm`, so no
/// finalizer or other Python code runs), and no object of this thread may be
/// used afterwards: no `PyRef` to one may still exist anywhere.
pub unsafe fn release_all_objects() {
    let mut all: Vec<(NonNull<PyObject>, usize, bool)> = Vec::new();
    for_each_tracked(|h| {
        h.next.set(0);
        h.prev.set((h.prev.get() & FLAGS) | TEARDOWN);
        // SAFETY: tracked headers sit in front of live objects.
        let o = unsafe { NonNull::new_unchecked((h as *const _ as *mut u8).add(GC_HEAD_SIZE).cast::<PyObject>()) };
        // SAFETY: a live object's header and type are intact.
        let ty: &PyType = unsafe { o.as_ref().ty() };
        // SAFETY: as above.
        unsafe { o.as_ref().set_refcnt(IMMORTAL) };
        all.push((o, ty.basicsize + GC_HEAD_SIZE, ty.layout == Layout::Type));
    });
    reset_lists();

    for &(o, _, is_type) in &all {
        if !is_type {
            // SAFETY: `o` is a detached container whose count no one will
            // bring to zero; its deallocator releases what it holds and,
            // seeing the mark, leaves the memory alone. Types are intact.
            unsafe { (o.as_ref().ty().dealloc)(o) };
        }
    }
    for &(o, _, is_type) in &all {
        if is_type {
            // SAFETY: every type is still intact (only the cells a metaclass
            // adds are released here).
            unsafe { crate::types::typeslots::clear_instance_cells(o) };
        }
    }
    for &(o, _, is_type) in &all {
        if is_type {
            // SAFETY: no deallocator runs any more that could read this type;
            // dropping it only releases references to immortal containers and
            // its own strings.
            unsafe { std::ptr::drop_in_place(o.as_ptr().cast::<PyType>()) };
        }
    }
    for &(o, size, _) in &all {
        // SAFETY: each block was allocated with `size` bytes (its type's
        // basicsize plus the GC header) and is referenced by nothing now.
        unsafe { raw_free(NonNull::new_unchecked(o.as_ptr().cast::<u8>().sub(GC_HEAD_SIZE)), size) };
    }
    super::freelist::clear_freelists();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::list::ListObj;
    use crate::vm::Vm;

    #[test]
    fn teardown_frees_every_object_including_cycles_and_types() {
        // A thread of its own: the teardown empties the thread's heap.
        let r = std::thread::spawn(|| {
            let vm = Vm::new();
            let l = vm.new_list(Vec::new());
            if let Some(lo) = l.downcast::<ListObj>() {
                lo.append(l.clone());
            }
            let d = vm.new_dict();
            vm.dict_set_str(&d, "me", d.clone());
            drop((l, d));
            let live = super::super::gc::tracked_count();
            drop(vm);
            // Type objects (MRO cycles) and the two cycles survive the Vm.
            let survivors = super::super::gc::tracked_count();
            // SAFETY: the Vm is gone (never entered) and no PyRef is left.
            unsafe { release_all_objects() };
            (live, survivors, super::super::gc::tracked_count(), super::super::alloc::allocated_object_bytes())
        })
        .join();
        let Ok((live, survivors, after, bytes)) = r else { panic!("teardown thread panicked") };
        assert!(live > 100 && survivors > 100 && survivors <= live, "{live} {survivors}");
        assert_eq!(after, 0);
        assert_eq!(bytes, 0, "object memory still in use after the teardown");
    }
}
