//! The list of live containers, and the teardown that frees them at exit.
//!
//! Every object with a GC header is linked, from allocation to deallocation,
//! into its thread's doubly linked list of live containers through the two
//! words of that header (memory-model GC-4: `next`, and `prev` with flag bits
//! in its low bits: bit 0 "finalized", bit 1 "being collected"). This is the
//! list the cycle collector's generations are made of; until the collector
//! lands it has one use: [`release_all_objects`], the last step of a program
//! run, which frees the reference cycles that are still alive when the
//! interpreter is gone (type objects and their MROs and dicts, the builtins
//! module and dict, classes, functions and their globals, user cycles), so a
//! leak checker run with `PYTHONMALLOC=malloc` sees every block freed.

use std::cell::Cell;
use std::ptr::NonNull;

use super::alloc::{raw_free, GcHead, GC_HEAD_SIZE};
use super::header::PyObject;
use crate::types::typeobj::{Layout, PyType};

/// Flag bits kept in the low bits of `GcHead::prev`.
const FLAGS: usize = 0b11;
/// `prev` flag: the object is being torn down; its memory is freed by the
/// teardown, not by its deallocator.
const COLLECTING: usize = 0b10;

thread_local! {
    /// Sentinel of this thread's circular list (links are 0 until first use).
    static LIVE: GcHead = const { GcHead { next: Cell::new(0), prev: Cell::new(0) } };
}

/// The sentinel, initialised to an empty circular list on first use.
fn sentinel() -> &'static GcHead {
    LIVE.with(|s| {
        let addr = s as *const GcHead as usize;
        if s.next.get() == 0 {
            s.next.set(addr);
            s.prev.set(addr);
        }
        // SAFETY: a thread-local lives as long as its thread, and only this
        // thread uses it; objects (and so list operations) never leave it.
        unsafe { &*(addr as *const GcHead) }
    })
}

/// The GC header of a container object.
///
/// # Safety
/// `o` is an object whose type has the GC flag (a header sits in front).
pub(super) unsafe fn gc_head<'a>(o: NonNull<PyObject>) -> &'a GcHead {
    // SAFETY: guaranteed by the caller.
    unsafe { &*o.as_ptr().cast::<u8>().sub(GC_HEAD_SIZE).cast::<GcHead>() }
}

/// Write a fresh GC header (no flags) at `head` and link it into the live
/// list: what every new container gets, from the allocator or a freelist.
///
/// # Safety
/// `head` points to writable, suitably aligned memory for a `GcHead` that
/// stays allocated until the container is freed.
pub(super) unsafe fn init_head(head: *mut GcHead) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        head.write(GcHead::default());
        link(&*head);
    }
}

/// Link an unlinked header at the end of this thread's live list, keeping
/// its flag bits.
fn link(h: &GcHead) {
    debug_assert_eq!(h.next.get(), 0, "container linked twice");
    let s = sentinel();
    let last_addr = s.prev.get() & !FLAGS;
    // SAFETY: list members are live headers of this thread (or the sentinel).
    let last = unsafe { &*(last_addr as *const GcHead) };
    let addr = h as *const GcHead as usize;
    h.next.set(s as *const GcHead as usize);
    h.prev.set(last_addr | (h.prev.get() & FLAGS));
    last.next.set(addr);
    s.prev.set(addr | (s.prev.get() & FLAGS));
}

/// Unlink a header from the live list (no-op if it is not linked).
pub(super) fn unlink(h: &GcHead) {
    let next_addr = h.next.get();
    if next_addr == 0 {
        return;
    }
    let prev_addr = h.prev.get() & !FLAGS;
    // SAFETY: the neighbours of a linked header are live headers of this
    // thread (or the sentinel).
    let (prev, next) = unsafe { (&*(prev_addr as *const GcHead), &*(next_addr as *const GcHead)) };
    prev.next.set(next_addr);
    next.prev.set(prev_addr | (next.prev.get() & FLAGS));
    h.next.set(0);
    h.prev.set(h.prev.get() & FLAGS);
}

/// `prev` flag: `__del__` already ran (PEP 442).
const FINALIZED: usize = 0b01;

/// The GC header in front of `o`, if its type has one.
fn gc_head_of(o: &PyObject) -> Option<&GcHead> {
    if !o.ty().is_gc() {
        return None;
    }
    // SAFETY: `o` is in object memory (see `PyObject`), and instances of a
    // GC type are allocated with a GC header right in front.
    Some(unsafe { gc_head(NonNull::from(o)) })
}

/// Whether `__del__` already ran for this object (false without a GC header).
pub fn is_finalized(o: &PyObject) -> bool {
    gc_head_of(o).is_some_and(|h| h.prev.get() & FINALIZED != 0)
}

/// Record that `__del__` ran for this object (nothing without a GC header).
pub fn set_finalized(o: &PyObject) {
    if let Some(h) = gc_head_of(o) {
        h.prev.set(h.prev.get() | FINALIZED);
    }
}

/// Whether a container is being torn down (its memory belongs to the teardown).
pub(super) fn is_collecting(h: &GcHead) -> bool {
    h.prev.get() & COLLECTING != 0
}

/// Number of containers on this thread's live list.
#[cfg(test)]
fn live_containers() -> usize {
    let s = sentinel();
    let (mut n, mut p) = (0, s.next.get());
    while p != s as *const GcHead as usize {
        n += 1;
        // SAFETY: list members are live headers of this thread.
        p = unsafe { (*(p as *const GcHead)).next.get() };
    }
    n
}

/// A reference count no decrement brings to zero during the teardown.
const IMMORTAL: isize = isize::MAX / 4;

/// Free every container still alive on this thread — and, through their
/// references, everything they hold — without running any Python code.
///
/// Steps: detach every container from the live list, mark it "being
/// collected" and make its count immortal (so no deallocation recurses into
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
    let s = sentinel();
    let s_addr = s as *const GcHead as usize;
    let mut all: Vec<(NonNull<PyObject>, usize, bool)> = Vec::new();
    let mut p = s.next.get();
    while p != s_addr {
        // SAFETY: list members are live headers of this thread, each in front
        // of an object.
        let h = unsafe { &*(p as *const GcHead) };
        p = h.next.get();
        h.next.set(0);
        h.prev.set((h.prev.get() & FLAGS) | COLLECTING);
        // SAFETY: as above; the object follows its header.
        let o = unsafe { NonNull::new_unchecked((h as *const GcHead as *mut u8).add(GC_HEAD_SIZE).cast::<PyObject>()) };
        // SAFETY: a live object's header and type are intact.
        let ty: &PyType = unsafe { o.as_ref().ty() };
        // SAFETY: as above.
        unsafe { o.as_ref().set_refcnt(IMMORTAL) };
        all.push((o, ty.basicsize + GC_HEAD_SIZE, ty.layout == Layout::Type));
    }
    s.next.set(s_addr);
    s.prev.set(s_addr);

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
            let live = live_containers();
            drop(vm);
            // Type objects (MRO cycles) and the two cycles survive the Vm.
            let survivors = live_containers();
            // SAFETY: the Vm is gone (never entered) and no PyRef is left.
            unsafe { release_all_objects() };
            (live, survivors, live_containers(), super::super::alloc::allocated_object_bytes())
        })
        .join();
        let Ok((live, survivors, after, bytes)) = r else { panic!("teardown thread panicked") };
        assert!(live > 100 && survivors > 100 && survivors <= live, "{live} {survivors}");
        assert_eq!(after, 0);
        assert_eq!(bytes, 0, "object memory still in use after the teardown");
    }
}
