//! Freelists: the top layer of the allocator (memory-model ALLOC-1, OBJ-12).
//!
//! A few of the most frequently created builtin objects keep the memory of
//! their dead instances on a per-thread LIFO list, up to CPython 3.11's
//! capacity, and build new instances there instead of asking the small-object
//! allocator. A dead block is linked through its first word (where the
//! reference count was). Reuse is invisible except through `id()` and the
//! counts `sys._debugmallocstats()` prints.
//!
//! Only exact instances of the builtin type go on a list (subclass instances
//! are larger and hold a reference to their heap type). The lists hold
//! allocator blocks, so they must be emptied ([`clear_freelists`]) before the
//! heap goes away or a leak checker looks.

use std::cell::Cell;
use std::io::Write;
use std::ptr::NonNull;
use std::thread::LocalKey;

use super::alloc::{alloc_object, free_object_memory, raw_free};
use super::header::PyObject;
use super::pyref::{PyPayload, PyRef};
use crate::types::float::FloatObj;
use crate::types::typeobj::PyType;

/// A LIFO list of dead objects' blocks, linked through their first word.
pub(crate) struct FreeList {
    head: Cell<Option<NonNull<FreeBlock>>>,
    len: Cell<usize>,
}

/// The view of a dead object on a freelist.
struct FreeBlock {
    next: Option<NonNull<FreeBlock>>,
}

// A dead object's block must be able to hold the link.
const _: () = assert!(std::mem::size_of::<FreeBlock>() <= std::mem::size_of::<PyObject>());

impl FreeList {
    const fn new() -> Self {
        FreeList { head: Cell::new(None), len: Cell::new(0) }
    }

    /// Number of blocks on the list.
    fn len(&self) -> usize {
        self.len.get()
    }

    /// Take the most recently pushed block.
    #[inline(always)]
    fn pop(&self) -> Option<NonNull<PyObject>> {
        let b = self.head.get()?;
        // SAFETY: blocks on the list are dead objects' memory, written by
        // `push` with the link in their first word.
        self.head.set(unsafe { b.as_ref().next });
        self.len.set(self.len.get() - 1);
        Some(b.cast())
    }

    /// Keep the memory of dead object `o` if fewer than `cap` are kept.
    ///
    /// # Safety
    /// `o` is a dead object (refcount 0, payload dropped) allocated by
    /// `alloc_object` for a static, non-GC type; nobody uses it afterwards
    /// except through this list.
    #[inline(always)]
    unsafe fn push(&self, o: NonNull<PyObject>, cap: usize) -> bool {
        if self.len.get() >= cap {
            return false;
        }
        let b = o.cast::<FreeBlock>();
        // SAFETY: the block is dead and at least header-sized (const
        // assertion above), so it can hold the link.
        unsafe { b.as_ptr().write(FreeBlock { next: self.head.get() }) };
        self.head.set(Some(b));
        self.len.set(self.len.get() + 1);
        true
    }
}

/// CPython 3.11's float freelist capacity.
const FLOAT_CAPACITY: usize = 100;

thread_local! {
    /// Dead exact floats.
    static FLOATS: FreeList = const { FreeList::new() };
}

/// Build a `T` of static, non-GC type `ty` on a block from `list`, or from
/// the allocator when the list is empty.
#[inline(always)]
fn alloc_from<T: PyPayload>(list: &'static LocalKey<FreeList>, ty: &PyType, make: impl FnOnce(PyObject) -> T) -> PyRef {
    debug_assert!(!ty.is_gc() && !ty.is_heap() && ty.basicsize == std::mem::size_of::<T>());
    match list.with(FreeList::pop) {
        // SAFETY: the block came from `alloc_object` for this very type (only
        // exact instances are pushed), so it has room for a `T` and is
        // suitably aligned; it is initialised here before any use.
        Some(p) => unsafe {
            p.as_ptr().cast::<T>().write(make(PyObject::new_header(NonNull::from(ty))));
            PyRef::from_raw(p)
        },
        None => alloc_object(ty, make),
    }
}

/// Deallocate a dead `T`: keep its memory on `list` when it is an exact
/// instance and the list has room, else free it.
///
/// # Safety
/// `o` is a dead object (refcount 0) allocated as a `T`.
#[inline(always)]
unsafe fn dealloc_to<T: PyPayload>(list: &'static LocalKey<FreeList>, cap: usize, o: NonNull<PyObject>) {
    // SAFETY: `o` is a dead `T`; its header stays readable until freed.
    unsafe {
        std::ptr::drop_in_place(o.as_ptr().cast::<T>());
        let exact = !o.as_ref().ty().is_heap();
        if !(exact && list.with(|l| l.push(o, cap))) {
            free_object_memory(o);
        }
    }
}

/// A new exact float (from the float freelist when possible).
#[inline]
pub fn new_float(ty: &PyType, value: f64) -> PyRef {
    alloc_from(&FLOATS, ty, |ob| FloatObj { ob, value })
}

/// The deallocator of `float` (and, through `subtype_dealloc`, of its
/// subclasses, whose instances are freed rather than kept).
///
/// # Safety
/// `o` is a dead float (refcount 0).
pub unsafe fn float_dealloc(o: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { dealloc_to::<FloatObj>(&FLOATS, FLOAT_CAPACITY, o) }
}

/// Free every block kept on this thread's freelists (interpreter teardown;
/// CPython also empties them on a full collection).
pub fn clear_freelists() {
    drain::<FloatObj>(&FLOATS);
}

/// Give every block of `list` (which holds dead exact `T`s) back to the allocator.
fn drain<T: PyPayload>(list: &'static LocalKey<FreeList>) {
    while let Some(p) = list.with(FreeList::pop) {
        // SAFETY: the block was allocated by `alloc_object` for a static,
        // non-GC type of basicsize `size_of::<T>()` (checked in alloc_from),
        // so it starts at the object and has that size; nobody refers to it.
        unsafe { raw_free(p.cast(), std::mem::size_of::<T>()) };
    }
}

/// Write the freelist lines of `sys._debugmallocstats()` (ALLOC-9 format).
pub fn write_freelist_stats(out: &mut impl Write) -> std::io::Result<()> {
    let floats = FLOATS.with(FreeList::len);
    write!(out, "{}", pyrite_obmalloc::format_freelist_line(floats, "PyFloatObject", std::mem::size_of::<FloatObj>()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Vm;

    #[test]
    fn dead_floats_are_kept_up_to_capacity_and_reused_last_first() {
        let vm = Vm::new();
        clear_freelists();
        let floats: Vec<PyRef> = (0..FLOAT_CAPACITY + 20).map(|i| vm.new_float(i as f64 + 0.5)).collect();
        // A Vec drops first to last: the first FLOAT_CAPACITY floats are
        // kept, the last one kept is on top, the rest are freed.
        let top = floats[FLOAT_CAPACITY - 1].as_ptr() as usize;
        drop(floats);
        assert_eq!(FLOATS.with(FreeList::len), FLOAT_CAPACITY);
        let again = vm.new_float(1.25);
        assert_eq!(FLOATS.with(FreeList::len), FLOAT_CAPACITY - 1);
        assert_eq!(again.downcast::<FloatObj>().map(|f| f.value), Some(1.25));
        assert_eq!(again.refcnt(), 1);
        assert_eq!(again.as_ptr() as usize, top);
        clear_freelists();
        assert_eq!(FLOATS.with(FreeList::len), 0);
    }

    #[test]
    fn freelist_line_has_the_alloc9_shape() {
        clear_freelists();
        let mut out = Vec::new();
        write_freelist_stats(&mut out).unwrap_or_default();
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(text, format!("{:>48} ={:>21}\n", "0 free PyFloatObjects * 24 bytes each", 0));
    }
}
