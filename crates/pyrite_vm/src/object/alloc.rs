//! The one allocation entry point for object memory.
//!
//! Every object's memory comes from [`alloc_object`] and goes back through
//! [`free_object_memory`]. Both go through `raw_alloc`/`raw_free`, the single
//! place the small-object allocator will be plugged in.

use std::alloc::Layout as MemLayout;
use std::cell::{Cell, UnsafeCell};

use pyrite_obmalloc::Heap;
use std::ptr::NonNull;

use super::header::{ObjHeader, PyObject};
use super::pyref::{PyPayload, PyRef};
use crate::types::typeobj::PyType;

/// The GC header that sits in front of every container object: the two links
/// of its generation list (CPython's `PyGC_Head`). Flag bits live in the low
/// bits of `prev`. A zero `next` means "untracked" (see `gc.rs`).
#[derive(Default)]
#[repr(C)]
pub struct GcHead {
    /// Next object in the generation list (0 when untracked).
    pub(super) next: Cell<usize>,
    /// Previous object in the generation list, plus flag bits. Private to
    /// the object module: the list links are raw addresses it trusts.
    pub(super) prev: Cell<usize>,
}

/// Size of the GC header in bytes.
pub const GC_HEAD_SIZE: usize = std::mem::size_of::<GcHead>();
const _: () = assert!(GC_HEAD_SIZE == 16);

/// Alignment of every object allocation.
const OBJ_ALIGN: usize = 8;

// No object type may need more alignment than the allocator's size-class step:
// payload types are checked in `alloc_object`, type objects here.
const _: () = assert!(OBJ_ALIGN <= pyrite_obmalloc::ALIGNMENT);
const _: () = assert!(std::mem::align_of::<PyType>() <= OBJ_ALIGN);

thread_local! {
    /// The small-object allocator that backs every object.
    ///
    /// Unsynchronised, like CPython 3.11's: objects are allocated and freed
    /// only by the thread that runs their interpreter, so each interpreter
    /// thread has its own heap (the GIL issue turns this into one heap
    /// shared by the threads that take turns holding the GIL).
    static HEAP: UnsafeCell<Heap> = const { UnsafeCell::new(Heap::new()) };
}

/// Choose the allocator from `PYTHONMALLOC` (`malloc` routes objects to the
/// system allocator, as in CPython). Takes effect only while this thread's
/// heap has no pool memory (before the first object is allocated): switching
/// later would hand pool blocks to `free`.
pub fn configure_allocator() {
    if std::env::var("PYTHONMALLOC").is_ok_and(|v| v == "malloc" || v == "malloc_debug") {
        // SAFETY: the heap is only used by this thread and not borrowed
        // elsewhere; a pymalloc heap with no arena holds no object memory
        // (its large requests already went to the system allocator), so
        // replacing it frees nothing in use.
        HEAP.with(|h| unsafe {
            let heap = &mut *h.get();
            if heap.mode() == pyrite_obmalloc::AllocatorMode::Pymalloc && heap.arenas_in_use() == 0 {
                *heap = Heap::new_system();
            }
        })
    } else {
        // SAFETY: as below; the hook only reads the heap.
        HEAP.with(|h| unsafe { (*h.get()).set_arena_released_hook(Some(trim_system_heap)) })
    }
    if std::env::var("PYTHONMALLOCSTATS").is_ok_and(|v| !v.is_empty()) {
        // As CPython: print the statistics whenever a new arena is created.
        // SAFETY: as above; the hook only reads the heap.
        HEAP.with(|h| unsafe {
            (*h.get()).set_new_arena_hook(Some(|heap| {
                let _ = heap.write_debug_stats(&mut std::io::stderr());
            }))
        })
    }
}

thread_local! {
    /// Arenas returned to the OS since the system heap was last trimmed.
    static RELEASED_SINCE_TRIM: Cell<usize> = const { Cell::new(0) };
}

/// Called after the object heap unmapped an arena: once the arenas given back
/// since the last trim are at least 16 and as many as remain (so at most a
/// few times per large free), ask the system allocator to return its free
/// memory too. Object bodies come from the pools, but object-internal buffers
/// (list items, dict tables, tuple items, str text) come from `malloc`, whose
/// free pages would otherwise keep the process's RSS up after a large free.
fn trim_system_heap(heap: &Heap) {
    let released = RELEASED_SINCE_TRIM.with(|c| c.get()) + 1;
    if released >= heap.arenas_in_use().max(16) {
        RELEASED_SINCE_TRIM.with(|c| c.set(0));
        // SAFETY: malloc_trim only releases free memory of malloc's heaps.
        unsafe { libc::malloc_trim(0) };
    } else {
        RELEASED_SINCE_TRIM.with(|c| c.set(released));
    }
}

/// Write `sys._debugmallocstats()`'s allocator report.
pub fn write_malloc_stats(out: &mut impl std::io::Write) -> std::io::Result<()> {
    // SAFETY: read-only use of this thread's heap; no allocation happens meanwhile.
    HEAP.with(|h| unsafe { (*h.get()).write_debug_stats(out) })
}

/// Bytes of object memory in use on this thread (pool blocks handed out; 0 in
/// `PYTHONMALLOC=malloc` mode, which keeps no statistics).
#[cfg(test)]
pub(crate) fn allocated_object_bytes() -> usize {
    // SAFETY: read-only use of this thread's heap; no allocation happens meanwhile.
    HEAP.with(|h| unsafe { (*h.get()).stats().allocated_bytes })
}

/// Allocate `size` bytes of object memory.
#[inline(always)]
pub(super) fn raw_alloc(size: usize) -> NonNull<u8> {
    // SAFETY: the heap is this thread's own and not borrowed elsewhere
    // (allocation never re-enters itself).
    let p = HEAP.with(|h| unsafe { (*h.get()).alloc(size) });
    match NonNull::new(p) {
        Some(p) => p,
        None => std::alloc::handle_alloc_error(MemLayout::from_size_align(size.max(1), OBJ_ALIGN).unwrap_or(MemLayout::new::<u64>())),
    }
}

/// Return memory obtained from `raw_alloc(size)`.
///
/// # Safety
/// `p` must come from `raw_alloc` with the same `size` and not be used afterwards.
#[inline(always)]
pub(super) unsafe fn raw_free(p: NonNull<u8>, size: usize) {
    // SAFETY: guaranteed by the caller; objects are freed on the thread whose
    // heap allocated them (see HEAP).
    HEAP.with(|h| unsafe { (*h.get()).dealloc(p.as_ptr(), size) })
}

/// Allocate an object of type `ty` whose payload is built by `make` from a
/// fresh header (refcount 1). Heap subtypes get their `__dict__`/`__slots__`
/// area zeroed and a strong reference to their type.
///
/// Panics if `ty`'s instances are not `T`s (layout tag, size): every object
/// of a type with layout `T::LAYOUT` must be a `T` for `downcast` to be sound.
#[inline(always)]
pub fn alloc_object<T: PyPayload>(ty: &PyType, make: impl FnOnce(ObjHeader) -> T) -> PyRef {
    if ty.layout != T::LAYOUT || ty.basicsize < std::mem::size_of::<T>() {
        wrong_payload(ty);
    }
    // Compile time, per payload type: pool blocks are only OBJ_ALIGN-aligned.
    const { assert!(std::mem::align_of::<T>() <= OBJ_ALIGN, "object payload over-aligned for the allocator") };
    let gc = ty.is_gc();
    let total = ty.basicsize + if gc { GC_HEAD_SIZE } else { 0 };
    let base = raw_alloc(total);
    // SAFETY: `base` is a fresh allocation of `total` bytes, 8-aligned (and
    // `T` needs no more, asserted above); the GC header (if any) and the
    // object fit inside it.
    let obj = unsafe { if gc { base.as_ptr().add(GC_HEAD_SIZE) } else { base.as_ptr() } };
    let ty_ptr = NonNull::from(ty);
    // SAFETY: as above; the memory is initialised before the reference is
    // made. The payload is built before the header is written and the object
    // tracked: if `make` panics, the block is merely leaked.
    let r = unsafe {
        obj.cast::<T>().write(make(ObjHeader::new(ty_ptr)));
        ObjHeader::place(obj.cast::<PyObject>());
        if gc {
            base.as_ptr().cast::<GcHead>().write(GcHead::default());
        }
        let extra = ty.basicsize - std::mem::size_of::<T>();
        if extra > 0 {
            std::ptr::write_bytes(obj.add(std::mem::size_of::<T>()), 0, extra);
        }
        if ty.is_heap() {
            // The instance's reference to its (live) type.
            ty.as_object().incref();
        }
        PyRef::from_raw(NonNull::new_unchecked(obj.cast::<PyObject>()))
    };
    if gc {
        // GC-5: an allocation from the allocator counts (a freelist reuse does not).
        super::gc::note_alloc_and_track(&r, starts_tracked(ty));
    }
    r
}

/// Whether a fresh container is tracked, as its constructor would make it
/// in CPython: everything except exact dicts, which start untracked (GC-3).
#[inline(always)]
pub(super) fn starts_tracked(ty: &PyType) -> bool {
    ty.layout != crate::types::typeobj::Layout::Dict || ty.is_heap()
}

/// Track a container taken from a freelist (not counted as an allocation).
#[inline(always)]
pub(super) fn track_new(o: &PyObject) {
    if starts_tracked(o.ty()) {
        super::gc::track(o);
    }
}

/// Free the memory of a dead object whose payload has already been dropped,
/// then release the reference heap-type instances hold on their type.
///
/// # Safety
/// `o` must have been allocated by [`alloc_object`], have a zero reference
/// count, and its payload must already be dropped. It must not be used afterwards.
pub unsafe fn free_object_memory(o: NonNull<PyObject>) {
    // SAFETY: the header is still intact (payload drop does not touch it).
    let ty_ptr = unsafe { o.as_ref().type_ptr() };
    // SAFETY: the type outlives its instances (see PyObject::ty).
    let ty = unsafe { &*ty_ptr };
    let gc = ty.is_gc();
    let total = ty.basicsize + if gc { GC_HEAD_SIZE } else { 0 };
    let heap = ty.is_heap();
    if gc {
        // SAFETY: a GC type's instances have a header in front.
        let head = unsafe { &*o.as_ptr().cast::<u8>().sub(GC_HEAD_SIZE).cast::<GcHead>() };
        if head.prev.get() & super::gc::TEARDOWN != 0 {
            // Torn down: `release_all_objects` frees the memory.
            return;
        }
        super::gc::untrack_head(head);
        super::gc::note_free();
    }
    // SAFETY: computing the allocation start mirrors `alloc_object`.
    unsafe {
        let base = if gc { o.as_ptr().cast::<u8>().sub(GC_HEAD_SIZE) } else { o.as_ptr().cast::<u8>() };
        if heap {
            // Take the type reference before freeing the instance memory.
            let ty_ref = PyRef::from_raw(NonNull::from(ty.as_object()));
            raw_free(NonNull::new_unchecked(base), total);
            drop(ty_ref);
        } else {
            raw_free(NonNull::new_unchecked(base), total);
        }
    }
}

#[cold]
#[inline(never)]
fn wrong_payload(ty: &PyType) -> ! {
    panic!("type {} does not describe this payload", ty.name())
}

/// Allocate a builtin type object, whose type is `meta` or, when `meta` is
/// `None`, itself (bootstrapping `type`). The type holds a reference to `meta`.
pub fn alloc_type_object(meta: Option<&PyType>, make: impl FnOnce(ObjHeader) -> PyType) -> PyRef {
    use crate::types::typeobj::Layout;
    const SIZE: usize = std::mem::size_of::<PyType>();
    if let Some(m) = meta {
        assert!(m.layout == Layout::Type && m.basicsize == SIZE && m.is_gc(), "metatype does not describe a type object");
    }
    let total = SIZE + GC_HEAD_SIZE;
    let base = raw_alloc(total);
    // SAFETY: fresh allocation of `total` bytes, 8-aligned (PyType needs no more, asserted at the top).
    let obj = unsafe { base.as_ptr().add(GC_HEAD_SIZE).cast::<PyType>() };
    // SAFETY: `obj` is derived from a non-null allocation.
    let ty_ptr = meta.map_or(unsafe { NonNull::new_unchecked(obj) }, NonNull::from);
    let value = make(ObjHeader::new(ty_ptr));
    if meta.is_none() {
        // Its own type: its instances (itself) must be type objects with a GC header.
        assert!(value.layout == Layout::Type && value.basicsize == SIZE && value.is_gc(), "not a metatype");
    }
    // SAFETY: as above; the memory is initialised before the reference is made.
    unsafe {
        base.as_ptr().cast::<GcHead>().write(GcHead::default());
        obj.write(value);
        ObjHeader::place(obj.cast::<PyObject>());
        if let Some(m) = meta {
            // The new type's reference to its (live) metatype.
            m.as_object().incref();
        }
        PyRef::from_raw(NonNull::new_unchecked(obj.cast::<PyObject>()))
    }
}
