//! Pools: the pool header, block carving, and the `usedpools` lists
//! (ALLOC-4 .. ALLOC-7, the per-pool half).
//!
//! A pool is one `POOL_SIZE`-aligned, `POOL_SIZE`-byte piece of an arena that
//! serves a single size class. Its header sits at the pool's first byte; blocks
//! follow at `POOL_OVERHEAD + k * size`:
//!
//! ```text
//! pool ─► ┌──────────────┬────────┬────────┬────────┬─────────────────┬───────┐
//!         │ PoolHeader   │ block0 │ block1 │  ...   │ untouched ...   │ quant │
//!         │ (48 bytes)   │        │        │        │ (never handed   │ waste │
//!         └──────────────┴────────┴────────┴────────┴─out yet)───────┴───────┘
//!                                                   ▲ nextoffset      ▲ maxnextoffset
//! ```
//!
//! Invariants of a pool `p` of class `c` (block size `s`), checked by
//! [`crate::Heap::check_invariants`]:
//!
//! * *touched* blocks are those below `nextoffset`;
//!   `p.count + len(p.freeblock list) == (nextoffset - POOL_OVERHEAD) / s`;
//! * every free-list entry is the start of a touched block of `p`, listed once;
//! * `maxnextoffset == POOL_SIZE - s`;
//! * state *used* (`0 < count`, free list non-empty): `p` is in `usedpools[c]`;
//! * state *full* (free list empty, no untouched block): `p` is in no list;
//! * state *empty* (`count == 0`): `p` is in its arena's `freepools` list.
//!
//! A used pool always has a non-empty free list: whenever allocation empties
//! it, the next untouched block is carved into it or the pool is unlinked as
//! full. So the allocation fast path is one pop.

use core::ptr;

use crate::size_class::{class_block_size, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, POOL_SIZE_MASK};

/// The header at the start of every carved pool (48 bytes on 64-bit).
#[repr(C)]
pub(crate) struct PoolHeader {
    /// Number of blocks currently handed out.
    pub(crate) count: u32,
    /// Size class this pool serves (or last served), [`NO_CLASS`] if never.
    pub(crate) szidx: u32,
    /// Head of the singly linked list of free blocks; each free block stores
    /// the next pointer in its first word. Null when the list is empty.
    pub(crate) freeblock: *mut u8,
    /// Next pool in `usedpools[szidx]` or in the arena's `freepools`
    /// (both null-terminated).
    pub(crate) nextpool: *mut PoolHeader,
    /// Previous pool in `usedpools[szidx]` (null at the head).
    pub(crate) prevpool: *mut PoolHeader,
    /// Index of the owning arena in the arena table.
    pub(crate) arenaindex: u32,
    /// Offset of the first untouched block.
    pub(crate) nextoffset: u32,
    /// Largest offset at which a whole block still fits.
    pub(crate) maxnextoffset: u32,
}

/// `size_of::<PoolHeader>()`, used to derive [`POOL_OVERHEAD`].
pub(crate) const POOL_HEADER_SIZE: usize = core::mem::size_of::<PoolHeader>();

/// `szidx` of a pool that never served any class.
pub(crate) const NO_CLASS: u32 = u32::MAX;

/// The pool containing address `p` (pools are `POOL_SIZE`-aligned).
#[inline(always)]
pub(crate) fn pool_of(p: *mut u8) -> *mut PoolHeader {
    p.map_addr(|a| a & !POOL_SIZE_MASK).cast()
}

/// Turns the first untouched block of `pool` into the only free-list entry,
/// if one remains; returns false if the pool has no untouched block.
///
/// # Safety
/// `pool` is an initialised pool header in a live arena and its free list is
/// empty.
#[inline]
pub(crate) unsafe fn carve_untouched(pool: *mut PoolHeader) -> bool {
    // SAFETY: `pool` is a live, initialised header (contract); the carved
    // block lies inside the pool because nextoffset <= maxnextoffset =
    // POOL_SIZE - size, and blocks are ALIGNMENT-aligned so the pointer-sized
    // write is aligned.
    unsafe {
        let h = &mut *pool;
        debug_assert!(h.freeblock.is_null());
        if h.nextoffset > h.maxnextoffset {
            return false;
        }
        let bp = pool.cast::<u8>().add(h.nextoffset as usize);
        h.nextoffset += class_block_size(h.szidx as usize) as u32;
        bp.cast::<*mut u8>().write(ptr::null_mut());
        h.freeblock = bp;
        true
    }
}

/// (Re)initialises `pool` for class `idx` and returns its first block:
/// block 0 is handed out, block 1 becomes the only free-list entry, the rest
/// stay untouched. Sets `count = 1`.
///
/// # Safety
/// `pool` is a carved pool of a live arena, in no list, with no live blocks.
pub(crate) unsafe fn init_pool(pool: *mut PoolHeader, idx: usize) -> *mut u8 {
    let size = class_block_size(idx);
    // SAFETY: the pool is ours and empty (contract); blocks 0 and 1 are
    // inside the pool because every pool holds at least two blocks (const
    // assertion in size_class.rs).
    unsafe {
        let h = &mut *pool;
        h.count = 1;
        h.szidx = idx as u32;
        h.nextoffset = (POOL_OVERHEAD + 2 * size) as u32;
        h.maxnextoffset = (POOL_SIZE - size) as u32;
        let bp = pool.cast::<u8>().add(POOL_OVERHEAD);
        let next = bp.add(size);
        next.cast::<*mut u8>().write(ptr::null_mut());
        h.freeblock = next;
        bp
    }
}

/// `usedpools`: for each size class, a doubly linked list of the pools in
/// state *used*, head first (ALLOC-6, with ordinary head pointers: null means
/// empty). Allocation always takes from the head. The list is not circular
/// (CPython's is, through a fake header): the order is the same, and linking
/// or unlinking the head touches one neighbouring pool header instead of two
/// — pool headers sit at `POOL_SIZE`-aligned addresses, so they compete for
/// the same few L1 cache sets and every header touched is likely a miss.
pub(crate) struct UsedPools {
    pub(crate) heads: [*mut PoolHeader; NB_SMALL_SIZE_CLASSES],
}

impl UsedPools {
    /// All lists empty.
    pub(crate) const fn new() -> Self {
        Self { heads: [ptr::null_mut(); NB_SMALL_SIZE_CLASSES] }
    }

    /// Links `pool` at the front of list `idx`.
    ///
    /// # Safety
    /// `pool` is a live pool header in no list.
    #[inline]
    pub(crate) unsafe fn push_front(&mut self, idx: usize, pool: *mut PoolHeader) {
        let head = self.heads[idx];
        // SAFETY: `pool` is live (contract) and `head`, if non-null, is a live
        // pool of this list.
        unsafe {
            (*pool).nextpool = head;
            (*pool).prevpool = ptr::null_mut();
            if !head.is_null() {
                (*head).prevpool = pool;
            }
        }
        self.heads[idx] = pool;
    }

    /// Unlinks `pool` from list `idx`.
    ///
    /// # Safety
    /// `pool` is a live pool header currently in list `idx`.
    #[inline]
    pub(crate) unsafe fn unlink(&mut self, idx: usize, pool: *mut PoolHeader) {
        // SAFETY: `pool` and its neighbours are live members of the list.
        unsafe {
            let next = (*pool).nextpool;
            let prev = (*pool).prevpool;
            if prev.is_null() {
                debug_assert!(self.heads[idx] == pool);
                self.heads[idx] = next;
            } else {
                (*prev).nextpool = next;
            }
            if !next.is_null() {
                (*next).prevpool = prev;
            }
        }
    }
}
