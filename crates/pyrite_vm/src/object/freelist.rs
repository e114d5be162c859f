//! Freelists: the top layer of the allocator (memory-model ALLOC-1, OBJ-12).
//!
//! A few of the most frequently created builtin objects keep the memory of
//! their dead instances on a per-thread LIFO list, up to CPython 3.11's
//! capacity, and build new instances there instead of asking the small-object
//! allocator. A dead block is linked through its first word (where the
//! reference count was). Reuse is invisible except through `id()` and the
//! counts `sys._debugmallocstats()` prints.
//!
//! Kept: floats (100), lists and dicts (80 each; their item buffers and
//! tables are freed, only the object is kept).
//!
//! Only exact instances of the builtin type go on a list (subclass instances
//! are larger and hold a reference to their heap type). The lists hold
//! allocator blocks, so they must be emptied ([`clear_freelists`]) before the
//! heap goes away or a leak checker looks.

use std::cell::{Cell, UnsafeCell};
use std::io::Write;
use std::mem::size_of;
use std::ptr::NonNull;
use std::thread::LocalKey;

use super::alloc::{alloc_object, free_object_memory, raw_free, track_new, GcHead, GC_HEAD_SIZE};
use super::gc;
use super::header::{ObjHeader, PyObject};
use super::pyref::{PyPayload, PyRef};
use crate::types::dict::DictObj;
use crate::types::float::FloatObj;
use crate::types::list::ListObj;
use crate::types::typeobj::PyType;

/// A LIFO list of dead objects' blocks, linked through their first word
/// (the object start, after the GC header for containers).
pub(crate) struct FreeList {
    head: Cell<Option<NonNull<FreeBlock>>>,
    len: Cell<usize>,
    /// Most blocks kept (CPython 3.11's capacity).
    cap: usize,
    /// Bytes of the object (the type's basicsize).
    size: usize,
    /// Whether a GC header sits in front of the object.
    gc: bool,
}

/// The view of a dead object on a freelist.
struct FreeBlock {
    next: Option<NonNull<FreeBlock>>,
}

// A dead object's block must be able to hold the link.
const _: () = assert!(size_of::<FreeBlock>() <= size_of::<PyObject>());

impl FreeList {
    const fn new(cap: usize, size: usize, gc: bool) -> Self {
        FreeList { head: Cell::new(None), len: Cell::new(0), cap, size, gc }
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

    /// Keep the memory of dead object `o` if the list is not full.
    ///
    /// # Safety
    /// `o` is a dead object (refcount 0, payload dropped; a container is
    /// untracked here) allocated by `alloc_object` for the
    /// static type this list serves;
    /// nobody uses it afterwards except through this list.
    #[inline(always)]
    unsafe fn push(&self, o: NonNull<PyObject>) -> bool {
        if self.len.get() >= self.cap {
            return false;
        }
        if self.gc {
            // A block on the list is no longer a live container.
            // SAFETY: the object's header and type are intact (contract).
            gc::untrack(unsafe { o.as_ref() });
        }
        let b = o.cast::<FreeBlock>();
        // SAFETY: the block is dead and at least header-sized (const
        // assertion above), so it can hold the link.
        unsafe { b.as_ptr().write(FreeBlock { next: self.head.get() }) };
        self.head.set(Some(b));
        self.len.set(self.len.get() + 1);
        true
    }

    /// Give every block back to the allocator.
    fn drain(&self) {
        let head = if self.gc { GC_HEAD_SIZE } else { 0 };
        while let Some(p) = self.pop() {
            // SAFETY: the block was allocated by `alloc_object` for a static
            // type of basicsize `self.size` (checked in alloc_from), so its
            // allocation starts `head` bytes before the object and has
            // `head + size` bytes; nobody refers to it.
            unsafe { raw_free(p.cast::<u8>().sub(head), head + self.size) };
        }
    }
}

/// CPython 3.11's float freelist capacity.
const FLOAT_CAPACITY: usize = 100;
/// CPython 3.11's list and dict freelist capacity.
const LIST_DICT_CAPACITY: usize = 80;

thread_local! {
    /// Dead exact floats.
    static FLOATS: FreeList = const { FreeList::new(FLOAT_CAPACITY, size_of::<FloatObj>(), false) };
    /// Dead exact lists (their item buffers are freed; only the object is kept).
    static LISTS: FreeList = const { FreeList::new(LIST_DICT_CAPACITY, size_of::<ListObj>(), true) };
    /// Dead exact dicts (their tables are freed; only the object is kept).
    static DICTS: FreeList = const { FreeList::new(LIST_DICT_CAPACITY, size_of::<DictObj>(), true) };
}

/// Build a `T` of static type `ty` on a block from `list`, or from the
/// allocator when the list is empty. Panics if `ty` is not a builtin type
/// whose instances are exactly a `T` (with a GC header iff `GC`): a block
/// only fits such an instance.
///
/// # Safety
/// `list` keeps blocks of `size_of::<T>()` bytes, with a GC header in front
/// iff `GC` (it is the list of `T`'s builtin type).
#[inline(always)]
unsafe fn alloc_from<T: PyPayload, const GC: bool>(
    list: &'static LocalKey<FreeList>,
    ty: &PyType,
    make: impl FnOnce(ObjHeader) -> T,
) -> PyRef {
    use crate::types::typeobj::TypeFlags;
    let kind = ty.flags.get() & (TypeFlags::HEAPTYPE | TypeFlags::HAVE_GC);
    let fits = ty.layout == T::LAYOUT && ty.basicsize == size_of::<T>() && kind == if GC { TypeFlags::HAVE_GC } else { 0 };
    if !fits {
        wrong_type();
    }
    debug_assert!(list.with(|l| l.size == size_of::<T>() && l.gc == GC));
    match list.with(FreeList::pop) {
        Some(p) => {
            // SAFETY: the block came from `alloc_object` for an exact instance
            // of a builtin type whose instances are `T`s, with a GC header iff
            // `GC` (contract), as `ty`'s are (checked above), so it has room
            // for a `T` (and, for a container, its untracked GC header in
            // front) and is suitably aligned; it is initialised here before
            // any use.
            // The payload is built before the header is written and the
            // object tracked: if `make` panics, the block is merely leaked.
            let r = unsafe {
                p.as_ptr().cast::<T>().write(make(ObjHeader::new(NonNull::from(ty))));
                ObjHeader::place(p.as_ptr());
                if GC {
                    // A fresh, untracked header, as `alloc_object` writes it.
                    p.as_ptr().cast::<u8>().sub(GC_HEAD_SIZE).cast::<GcHead>().write(GcHead::default());
                }
                PyRef::from_raw(p)
            };
            if GC {
                track_new(&r);
            }
            r
        }
        None => alloc_object(ty, make),
    }
}

#[cold]
#[inline(never)]
fn wrong_type() -> ! {
    panic!("freelist used for another type")
}

/// Deallocate a dead `T`: keep its memory on `list` when it is an exact
/// instance and the list has room, else free it.
///
/// # Safety
/// `o` is a dead object (refcount 0) allocated as a `T`.
#[inline(always)]
unsafe fn dealloc_to<T: PyPayload>(list: &'static LocalKey<FreeList>, o: NonNull<PyObject>) {
    // SAFETY: `o` is a dead `T`; its header stays readable until freed.
    unsafe {
        std::ptr::drop_in_place(o.as_ptr().cast::<T>());
        let ty = o.as_ref().ty();
        // Subclass instances are freed, and so is anything being torn down.
        let freed = ty.is_heap() || ty.is_gc() && gc::in_teardown(o.as_ref());
        if freed || !list.with(|l| l.push(o)) {
            free_object_memory(o);
        }
    }
}

/// A new exact float (from the float freelist when possible).
#[inline]
pub fn new_float(ty: &PyType, value: f64) -> PyRef {
    // SAFETY: FLOATS keeps blocks of exact floats (no GC header).
    unsafe { alloc_from::<_, false>(&FLOATS, ty, |ob| FloatObj { ob, value }) }
}

/// A new exact list holding `items` (the object from the list freelist when possible).
#[inline]
pub fn new_list(ty: &PyType, items: Vec<PyRef>) -> PyRef {
    // SAFETY: LISTS keeps blocks of exact lists (GC header in front).
    unsafe { alloc_from::<_, true>(&LISTS, ty, |ob| ListObj { ob, items: UnsafeCell::new(items) }) }
}

/// A new, empty exact dict (the object from the dict freelist when possible).
#[inline]
pub fn new_dict(ty: &PyType) -> PyRef {
    // SAFETY: DICTS keeps blocks of exact dicts (GC header in front).
    unsafe { alloc_from::<_, true>(&DICTS, ty, |ob| DictObj { ob, table: UnsafeCell::default() }) }
}

/// The deallocator of `float` (and, through `subtype_dealloc`, of its
/// subclasses, whose instances are freed rather than kept).
///
/// # Safety
/// `o` is a dead float (refcount 0).
pub unsafe fn float_dealloc(o: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { dealloc_to::<FloatObj>(&FLOATS, o) }
}

/// The deallocator of `list` (subclass instances are freed, not kept).
///
/// # Safety
/// `o` is a dead list (refcount 0).
pub unsafe fn list_dealloc(o: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { dealloc_to::<ListObj>(&LISTS, o) }
}

/// The deallocator of `dict` (subclass instances are freed, not kept).
///
/// # Safety
/// `o` is a dead dict (refcount 0).
pub unsafe fn dict_dealloc(o: NonNull<PyObject>) {
    // SAFETY: forwarded contract.
    unsafe { dealloc_to::<DictObj>(&DICTS, o) }
}

/// Free every block kept on this thread's freelists (interpreter teardown;
/// CPython also empties them on a full collection).
pub fn clear_freelists() {
    for list in [&FLOATS, &LISTS, &DICTS] {
        list.with(FreeList::drain);
    }
}

/// Write the freelist lines of `sys._debugmallocstats()` (ALLOC-9 format
/// and order: dicts, floats, lists).
pub fn write_freelist_stats(out: &mut impl Write) -> std::io::Result<()> {
    for (list, name) in [(&DICTS, "PyDictObject"), (&FLOATS, "PyFloatObject"), (&LISTS, "PyListObject")] {
        let (n, size) = list.with(|l| (l.len(), l.size));
        write!(out, "{}", pyrite_obmalloc::format_freelist_line(n, name, size))?;
    }
    Ok(())
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
    fn dead_lists_and_dicts_keep_only_the_object() {
        let vm = Vm::new();
        clear_freelists();
        let l = vm.new_list(vec![vm.new_int(1), vm.new_list(Vec::new())]);
        let d = vm.new_dict();
        let (lp, dp) = (l.as_ptr() as usize, d.as_ptr() as usize);
        drop(l);
        assert_eq!(LISTS.with(FreeList::len), 2, "the inner list, then the outer one");
        drop(d);
        assert_eq!(DICTS.with(FreeList::len), 1);
        let l2 = vm.new_list(Vec::new());
        let d2 = vm.new_dict();
        assert_eq!((l2.as_ptr() as usize, d2.as_ptr() as usize), (lp, dp));
        assert_eq!(vm.len(&l2).ok(), Some(0));
        assert_eq!(vm.len(&d2).ok(), Some(0));
        drop((l2, d2));
        clear_freelists();
        assert_eq!((LISTS.with(FreeList::len), DICTS.with(FreeList::len)), (0, 0));
    }

    #[test]
    fn freelist_line_has_the_alloc9_shape() {
        clear_freelists();
        let mut out = Vec::new();
        write_freelist_stats(&mut out).unwrap_or_default();
        let text = String::from_utf8(out).unwrap_or_default();
        let line = |what: String| format!("{what:>48} ={:>21}\n", 0);
        let expect = [
            line(format!("0 free PyDictObjects * {} bytes each", size_of::<DictObj>())),
            line("0 free PyFloatObjects * 24 bytes each".to_string()),
            line("0 free PyListObjects * 40 bytes each".to_string()),
        ];
        assert_eq!(text, expect.concat());
    }
}
