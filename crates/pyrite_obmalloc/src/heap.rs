//! [`Heap`]: the allocator's entry points — allocation and free fast paths,
//! their out-of-line slow paths, `realloc`, and the debug-build checks.

use core::cell::Cell;
use core::marker::PhantomData;
use core::ptr;

use crate::arena::Arenas;
use crate::os;
use crate::pool::{self, pool_of, PoolHeader, UsedPools};
use crate::size_class::{class_block_size, size_class_index};

/// Where a [`Heap`] gets its memory from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AllocatorMode {
    /// Small requests from pools (pymalloc), the rest from `malloc`.
    #[default]
    Pymalloc,
    /// Every request from `malloc` (`PYTHONMALLOC=malloc`). Stats are empty.
    System,
}

/// A pymalloc-style small-object heap.
///
/// Requests of 1..=[`SMALL_REQUEST_THRESHOLD`](crate::SMALL_REQUEST_THRESHOLD)
/// bytes are served from size-classed pools inside `mmap`ed arenas; zero-byte
/// and larger requests go to the system allocator. Callers pass the size back
/// when freeing (as Rust's allocator API does), which routes the free without
/// any address lookup.
///
/// A `Heap` is deliberately not thread-safe: it is `Send` but `!Sync`, and
/// every operation takes `&mut self` (the interpreter's GIL serialises
/// access). [`PyriteGlobalAlloc`](crate::PyriteGlobalAlloc) wraps one in a lock.
///
/// Dropping a heap returns all its arenas to the OS, invalidating every
/// block still allocated from it.
///
/// ```compile_fail
/// fn shared<T: Sync>() {}
/// shared::<pyrite_obmalloc::Heap>(); // a Heap is !Sync
/// ```
///
/// ```
/// fn movable<T: Send>() {}
/// movable::<pyrite_obmalloc::Heap>(); // but it may move between threads
/// ```
pub struct Heap {
    mode: AllocatorMode,
    pub(crate) used: UsedPools,
    pub(crate) arenas: Arenas,
    new_arena_hook: Option<fn(&Heap)>,
    arena_released_hook: Option<fn(&Heap)>,
    _not_sync: PhantomData<Cell<()>>,
}

// SAFETY: a Heap exclusively owns its arenas, pools and descriptor table; the
// raw pointers inside point only into memory it owns, so moving the whole heap
// to another thread is sound. It stays !Sync (PhantomData<Cell<()>>).
unsafe impl Send for Heap {}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl core::fmt::Debug for Heap {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Heap")
            .field("mode", &self.mode)
            .field("arenas_current", &self.arenas.ncurrently)
            .finish_non_exhaustive()
    }
}

impl Heap {
    /// An empty pymalloc heap. Allocates nothing until first used.
    #[must_use]
    pub const fn new() -> Self {
        Self::with_mode(AllocatorMode::Pymalloc)
    }

    /// A heap that sends every request to the system allocator
    /// (`PYTHONMALLOC=malloc`).
    #[must_use]
    pub const fn new_system() -> Self {
        Self::with_mode(AllocatorMode::System)
    }

    /// An empty heap in the given mode.
    #[must_use]
    pub const fn with_mode(mode: AllocatorMode) -> Self {
        Self {
            mode,
            used: UsedPools::new(),
            arenas: Arenas::new(),
            new_arena_hook: None,
            arena_released_hook: None,
            _not_sync: PhantomData,
        }
    }

    /// The mode this heap was created with.
    #[must_use]
    pub fn mode(&self) -> AllocatorMode {
        self.mode
    }

    /// Sets a function called just before each new arena is mapped, with the
    /// heap in a consistent state (the VM uses it for `PYTHONMALLOCSTATS=1`,
    /// printing [`Heap::write_debug_stats`]). `None` removes it.
    pub fn set_new_arena_hook(&mut self, hook: Option<fn(&Heap)>) {
        self.new_arena_hook = hook;
    }

    /// Sets a function called just after an arena was returned to the OS,
    /// with the heap in a consistent state (the VM uses it to have the
    /// system allocator give back the free memory of object-internal buffers
    /// too). `None` removes it.
    pub fn set_arena_released_hook(&mut self, hook: Option<fn(&Heap)>) {
        self.arena_released_hook = hook;
    }

    /// Number of arenas currently mapped.
    #[must_use]
    pub fn arenas_in_use(&self) -> usize {
        self.arenas.ncurrently
    }

    /// Size class of a request if this heap serves it from pools.
    #[inline(always)]
    fn small_class(&self, size: usize) -> Option<usize> {
        match self.mode {
            AllocatorMode::Pymalloc => size_class_index(size),
            AllocatorMode::System => None,
        }
    }

    /// Allocates `size` bytes aligned to [`ALIGNMENT`](crate::ALIGNMENT)
    /// (small requests) or to `malloc`'s alignment (others). Returns null if
    /// out of memory. The memory is uninitialised.
    ///
    /// # Safety
    /// The block belongs to this heap: free it only with [`Heap::dealloc`] or
    /// [`Heap::realloc`] on this heap, passing a size that routes the same
    /// way (see [`Heap::dealloc`]), and do not use it after the heap is
    /// dropped.
    #[inline(always)]
    #[must_use]
    pub unsafe fn alloc(&mut self, size: usize) -> *mut u8 {
        match self.small_class(size) {
            Some(idx) => self.alloc_small(idx),
            None => os::sys_malloc(size),
        }
    }

    /// Pops a block of class `idx`: the fast path.
    #[inline(always)]
    fn alloc_small(&mut self, idx: usize) -> *mut u8 {
        let pool = self.used.heads[idx];
        if pool.is_null() {
            return self.alloc_from_new_pool(idx);
        }
        // SAFETY: a pool in usedpools is a live, initialised header whose
        // free list is non-empty (pool.rs invariant); every free block holds
        // the (aligned) next pointer of the list in its first word.
        unsafe {
            let bp = (*pool).freeblock;
            debug_assert!(!bp.is_null());
            (*pool).count += 1;
            let next = bp.cast::<*mut u8>().read();
            (*pool).freeblock = next;
            if next.is_null() {
                self.refill_or_retire(pool);
            }
            bp
        }
    }

    /// The pool's free list just ran dry: carve the next untouched block, or
    /// unlink the pool from `usedpools` as full.
    ///
    /// # Safety
    /// `pool` is the head of `usedpools[pool.szidx]` with an empty free list.
    #[inline(never)]
    unsafe fn refill_or_retire(&mut self, pool: *mut PoolHeader) {
        // SAFETY: forwarded contract; a full pool leaves its used list.
        unsafe {
            if !pool::carve_untouched(pool) {
                self.used.unlink((*pool).szidx as usize, pool);
            }
        }
    }

    /// No used pool for class `idx`: take an empty pool from the arenas,
    /// link it at the front of `usedpools[idx]`, and serve from it.
    #[cold]
    #[inline(never)]
    fn alloc_from_new_pool(&mut self, idx: usize) -> *mut u8 {
        if self.arenas.needs_new_arena() {
            if let Some(hook) = self.new_arena_hook {
                hook(self);
            }
        }
        let pool = self.arenas.take_pool();
        if pool.is_null() {
            return ptr::null_mut();
        }
        // SAFETY: `take_pool` returned a live, empty pool in no list.
        unsafe {
            self.used.push_front(idx, pool);
            if (*pool).szidx as usize == idx {
                // Last served this class: its free list (which holds every
                // touched block, at least two) is still valid.
                let bp = (*pool).freeblock;
                debug_assert!(!bp.is_null());
                (*pool).count = 1;
                let next = bp.cast::<*mut u8>().read();
                (*pool).freeblock = next;
                if next.is_null() {
                    self.refill_or_retire(pool);
                }
                bp
            } else {
                pool::init_pool(pool, idx)
            }
        }
    }

    /// Frees a block allocated by this heap. Null is a no-op.
    ///
    /// `size` routes the free: it must be a size with which the block was
    /// allocated or last reallocated (any size in the same routing group —
    /// 1..=512 for pool blocks, 0 or > 512 for system ones — works, because
    /// a pool block's class is read from its pool header).
    ///
    /// # Safety
    /// `ptr` is null or a live block of this heap, not freed before, with a
    /// `size` as described above.
    #[inline(always)]
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, size: usize) {
        if ptr.is_null() {
            return;
        }
        if self.small_class(size).is_some() {
            // SAFETY: forwarded contract: a live pool block.
            unsafe { self.free_small(ptr, size) }
        } else {
            #[cfg(debug_assertions)]
            assert!(
                self.mode == AllocatorMode::System || self.arenas.arena_containing(ptr).is_none(),
                "pyrite_obmalloc: pool block {ptr:p} freed with non-small size {size}"
            );
            // SAFETY: forwarded contract: a live malloc block.
            unsafe { os::sys_free(ptr) }
        }
    }

    /// Pushes a block on its pool's free list: the fast path.
    ///
    /// # Safety
    /// `p` is a live pool block of this heap.
    #[inline(always)]
    unsafe fn free_small(&mut self, p: *mut u8, size: usize) {
        #[cfg(debug_assertions)]
        self.debug_check_block(p, size);
        #[cfg(not(debug_assertions))]
        let _ = size;
        let pool = pool_of(p);
        // SAFETY: `p` is a live block (contract) so its pool header is live;
        // the block is at least pointer-sized and aligned, so it can hold the
        // free-list link.
        unsafe {
            let last = (*pool).freeblock;
            p.cast::<*mut u8>().write(last);
            (*pool).freeblock = p;
            (*pool).count -= 1;
            if last.is_null() || (*pool).count == 0 {
                self.free_slow(pool, last.is_null());
            }
        }
    }

    /// A free changed the pool's state: full → used (relink at the FRONT of
    /// `usedpools`) or used → empty (give it back to its arena). Never both:
    /// a full pool holds at least two blocks (size_class.rs), so one free
    /// leaves it non-empty.
    ///
    /// # Safety
    /// `pool` is a live pool that just had a block pushed on its free list;
    /// `was_full` tells whether that list was empty before.
    #[cold]
    #[inline(never)]
    unsafe fn free_slow(&mut self, pool: *mut PoolHeader, was_full: bool) {
        // SAFETY: forwarded contract; a full pool is in no list and a used
        // one is in usedpools[szidx], as each call below requires.
        unsafe {
            let idx = (*pool).szidx as usize;
            if was_full {
                debug_assert!((*pool).count > 0);
                self.used.push_front(idx, pool);
                return;
            }
            self.used.unlink(idx, pool);
            if self.arenas.return_pool(pool) {
                if let Some(hook) = self.arena_released_hook {
                    hook(self);
                }
            }
        }
    }

    /// Resizes a block, like C's `realloc`: a pool block is kept if the new
    /// size is small, fits in the block and is more than 3/4 of it; a system
    /// block stays in the system allocator if the new size is still not
    /// small; otherwise a new block is allocated, `min(old, new)` bytes
    /// copied and the old block freed. Null `ptr` behaves as `alloc`.
    /// Returns null (leaving the old block intact) if out of memory.
    ///
    /// # Safety
    /// As for [`Heap::dealloc`] with `old_size`; the result is then a block
    /// of `new_size` bytes of this heap.
    #[must_use]
    pub unsafe fn realloc(&mut self, ptr: *mut u8, old_size: usize, new_size: usize) -> *mut u8 {
        if ptr.is_null() {
            // SAFETY: the caller takes ownership of the new block.
            return unsafe { self.alloc(new_size) };
        }
        let new_class = self.small_class(new_size);
        if self.small_class(old_size).is_some() {
            #[cfg(debug_assertions)]
            self.debug_check_block(ptr, old_size);
            // SAFETY: `ptr` is a live pool block (contract), so its header is.
            let block = class_block_size(unsafe { (*pool_of(ptr)).szidx } as usize);
            if new_class.is_some() && new_size <= block && 4 * new_size > 3 * block {
                return ptr;
            }
        } else if new_class.is_none() {
            // SAFETY: a live malloc block stays with malloc.
            return unsafe { os::sys_realloc(ptr, new_size) };
        }
        // SAFETY: the new block is ours to hand out; the copy stays within
        // both blocks (min of the two sizes) and they are distinct blocks;
        // then the old block is freed per the forwarded contract.
        unsafe {
            let new = self.alloc(new_size);
            if !new.is_null() {
                ptr::copy_nonoverlapping(ptr, new, old_size.min(new_size));
                self.dealloc(ptr, old_size);
            }
            new
        }
    }

    /// Debug builds: panics unless `p` is the start of an allocated block of
    /// a carved pool of one of this heap's arenas, of a class holding `size`
    /// bytes, and not on its pool's free list (double free).
    #[cfg(debug_assertions)]
    fn debug_check_block(&self, p: *mut u8, size: usize) {
        use crate::size_class::{blocks_per_pool, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD};
        let Some(a) = self.arenas.arena_containing(p) else {
            panic!("pyrite_obmalloc: free of {p:p}, which is not in any arena of this heap");
        };
        let d = self.arenas.get(a);
        let pool = pool_of(p);
        assert!(
            pool.addr() >= d.first_pool().addr() && pool.addr() < d.pool_address.addr(),
            "pyrite_obmalloc: free of {p:p}, outside the carved pools of its arena"
        );
        // SAFETY: `pool` is a carved pool of a live arena, so its header is
        // initialised memory of this heap; we only read it.
        let h = unsafe { &*pool };
        assert_eq!(h.arenaindex, a, "pyrite_obmalloc: corrupt pool header at {pool:p}");
        assert!(h.count > 0, "pyrite_obmalloc: free of {p:p} in an empty pool (double free?)");
        assert!((h.szidx as usize) < NB_SMALL_SIZE_CLASSES, "pyrite_obmalloc: corrupt pool header");
        let block = class_block_size(h.szidx as usize);
        assert!(size <= block, "pyrite_obmalloc: free of {p:p} with size {size} > block size {block}");
        let off = p.addr() - pool.addr();
        assert!(
            off >= POOL_OVERHEAD && (off - POOL_OVERHEAD).is_multiple_of(block) && off < h.nextoffset as usize,
            "pyrite_obmalloc: free of {p:p}, which is not the start of a handed-out block"
        );
        let mut f = h.freeblock;
        let mut steps = 0;
        while !f.is_null() {
            assert!(f != p, "pyrite_obmalloc: double free of {p:p}");
            steps += 1;
            assert!(steps <= blocks_per_pool(h.szidx as usize), "pyrite_obmalloc: free list cycle");
            // SAFETY: free-list entries are free blocks of this live pool,
            // each holding the next link in its first word.
            f = unsafe { f.cast::<*mut u8>().read() };
        }
    }
}
