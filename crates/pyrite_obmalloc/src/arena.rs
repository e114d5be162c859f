//! Arenas: the descriptor table, `usable_arenas`, `nfp2lasta`, and the
//! per-arena free-pool lists (ALLOC-5, ALLOC-7, ALLOC-8, the arena half).
//!
//! An arena is one `ARENA_SIZE` mapping. Its pools start at the first
//! `POOL_SIZE`-aligned address inside it (an unaligned base loses one pool,
//! reported as "arena alignment"); pools below `pool_address` have been
//! carved, the rest never touched.
//!
//! Every arena is described by an [`ArenaObject`] in a table of descriptors
//! (16 to begin with, doubling when full). Indices into that table are stable
//! (pool headers record theirs), so the table may move when it grows.
//!
//! Invariants, checked by [`crate::Heap::check_invariants`]:
//!
//! * a descriptor with a null `address` is *unused* and on the singly linked
//!   `unused` list (through `nextarena`); every other one owns a mapping;
//! * `nfreepools` = pools on `freepools` + never-carved pools;
//! * `usable` lists, doubly linked, exactly the arenas with `nfreepools > 0`,
//!   sorted by `nfreepools` ascending, so allocation fills the busiest arena
//!   and nearly empty ones drain;
//! * `nfp2lasta[k]` is the last arena of `usable` with `k` free pools, or
//!   [`NIL`] if there is none, which makes re-sorting O(1).

use core::ptr;

use crate::os::{self, SysVec};
use crate::pool::{PoolHeader, NO_CLASS};
use crate::size_class::{INITIAL_ARENA_OBJECTS, MAX_POOLS_IN_ARENA, POOL_SIZE, POOL_SIZE_MASK};

/// "No arena" in index-valued links.
pub(crate) const NIL: u32 = u32::MAX;

/// Descriptor of one arena (or of an unused table slot).
#[derive(Clone, Copy)]
pub(crate) struct ArenaObject {
    /// Base of the mapping; null if this descriptor is unused.
    pub(crate) address: *mut u8,
    /// Next never-carved pool.
    pub(crate) pool_address: *mut u8,
    /// Free pools: on `freepools` plus never carved.
    pub(crate) nfreepools: u32,
    /// Pools this arena can hold (one less if its base is unaligned).
    pub(crate) ntotalpools: u32,
    /// Singly linked list (through `nextpool`) of empty carved pools.
    pub(crate) freepools: *mut PoolHeader,
    /// Next arena in `usable`, or next unused descriptor.
    pub(crate) nextarena: u32,
    /// Previous arena in `usable`.
    pub(crate) prevarena: u32,
}

impl ArenaObject {
    const UNUSED: Self = Self {
        address: ptr::null_mut(),
        pool_address: ptr::null_mut(),
        nfreepools: 0,
        ntotalpools: 0,
        freepools: ptr::null_mut(),
        nextarena: NIL,
        prevarena: NIL,
    };

    /// The first pool of the arena (its base rounded up to `POOL_SIZE`).
    pub(crate) fn first_pool(&self) -> *mut u8 {
        self.address.map_addr(|a| (a + POOL_SIZE_MASK) & !POOL_SIZE_MASK)
    }
}

/// All arena bookkeeping of one heap.
pub(crate) struct Arenas {
    /// The descriptor table; its length is the number of descriptors.
    pub(crate) table: SysVec<ArenaObject>,
    /// Head of the unused-descriptor list.
    pub(crate) unused: u32,
    /// Head of `usable_arenas`.
    pub(crate) usable: u32,
    /// Last arena in `usable` with `k` free pools, per `k`.
    pub(crate) nfp2lasta: [u32; MAX_POOLS_IN_ARENA + 1],
    /// Arenas mapped since the heap was created.
    pub(crate) ntimes_allocated: usize,
    /// Arenas mapped now.
    pub(crate) ncurrently: usize,
    /// Largest value `ncurrently` has had.
    pub(crate) highwater: usize,
    /// Sorted `(base address, index)` of live arenas, for the debug-build
    /// ownership checks of freed pointers.
    #[cfg(debug_assertions)]
    pub(crate) map: SysVec<(usize, u32)>,
}

impl Arenas {
    /// No arenas, no descriptors.
    pub(crate) const fn new() -> Self {
        Self {
            table: SysVec::new(),
            unused: NIL,
            usable: NIL,
            nfp2lasta: [NIL; MAX_POOLS_IN_ARENA + 1],
            ntimes_allocated: 0,
            ncurrently: 0,
            highwater: 0,
            #[cfg(debug_assertions)]
            map: SysVec::new(),
        }
    }

    /// Descriptor `i` (bounds-checked; for the debug checks and tests).
    #[cfg(any(debug_assertions, test))]
    pub(crate) fn get(&self, i: u32) -> &ArenaObject {
        &self.table.as_slice()[i as usize]
    }

    /// Descriptor `i` without a bounds check, for the hot slow paths.
    ///
    /// Sound because this module only ever stores indices it handed out
    /// (`new_arena`), in pool headers, list links and `nfp2lasta`, and the
    /// table never shrinks; callers pass only such stored indices (never
    /// [`NIL`]). Debug builds check the bound.
    #[inline(always)]
    fn at(&self, i: u32) -> &ArenaObject {
        // SAFETY: `i` is a stored index, < table.len() (see above).
        unsafe { self.table.get_unchecked(i as usize) }
    }

    /// [`Arenas::at`], mutably.
    #[inline(always)]
    fn at_mut(&mut self, i: u32) -> &mut ArenaObject {
        // SAFETY: as in `at`.
        unsafe { self.table.get_unchecked_mut(i as usize) }
    }

    /// True if `usable_arenas` is empty, i.e. the next pool needs a new arena.
    pub(crate) fn needs_new_arena(&self) -> bool {
        self.usable == NIL
    }

    /// Maps a new arena and returns its descriptor index, or [`NIL`] if the
    /// OS (or `malloc`, for a larger table) is out of memory.
    #[cold]
    #[inline(never)]
    fn new_arena(&mut self) -> u32 {
        if self.unused == NIL {
            // Grow the table: 16 descriptors, then doubling.
            let old = self.table.len();
            let new = if old == 0 { INITIAL_ARENA_OBJECTS } else { old.saturating_mul(2) };
            if new > NIL as usize || !self.table.reserve_exact(new) {
                return NIL;
            }
            for i in old..new {
                let mut d = ArenaObject::UNUSED;
                d.nextarena = if i + 1 < new { (i + 1) as u32 } else { NIL };
                let pushed = self.table.push(d);
                debug_assert!(pushed, "capacity was reserved");
            }
            self.unused = old as u32;
        }
        let base = os::map_arena();
        if base.is_null() {
            return NIL;
        }
        #[cfg(debug_assertions)]
        {
            let at = self.map.as_slice().partition_point(|&(b, _)| b < base.addr());
            if !self.map.insert(at, (base.addr(), self.unused)) {
                // SAFETY: `base` was just mapped and is referenced nowhere.
                unsafe { os::unmap_arena(base) };
                return NIL;
            }
        }
        let i = self.unused;
        let d = self.at_mut(i);
        let next_unused = d.nextarena;
        d.address = base;
        d.freepools = ptr::null_mut();
        d.pool_address = d.first_pool();
        let lost_one = base.addr() & POOL_SIZE_MASK != 0;
        d.nfreepools = (MAX_POOLS_IN_ARENA - usize::from(lost_one)) as u32;
        d.ntotalpools = d.nfreepools;
        d.nextarena = NIL;
        d.prevarena = NIL;
        self.unused = next_unused;
        self.ntimes_allocated += 1;
        self.ncurrently += 1;
        self.highwater = self.highwater.max(self.ncurrently);
        i
    }

    /// Takes an empty pool from the head of `usable_arenas` (mapping a new
    /// arena if there is none): from its `freepools` first, else carved at
    /// `pool_address`. Returns null if out of memory.
    ///
    /// The returned pool is in no list, has `count == 0`, a valid
    /// `arenaindex`, and `szidx` of the class it last served (or
    /// [`NO_CLASS`]) with its free list intact.
    #[inline]
    pub(crate) fn take_pool(&mut self) -> *mut PoolHeader {
        if self.usable == NIL {
            let a = self.new_arena();
            if a == NIL {
                return ptr::null_mut();
            }
            self.usable = a;
            let nf = self.at(a).nfreepools as usize;
            debug_assert_eq!(self.nfp2lasta[nf], NIL);
            self.nfp2lasta[nf] = a;
        }
        let a = self.usable;
        let nf = self.at(a).nfreepools as usize;
        // The head has the fewest free pools; after taking one it is the
        // only arena with nf - 1, and if it was the last with nf, none is.
        if self.nfp2lasta[nf] == a {
            self.nfp2lasta[nf] = NIL;
        }
        if nf > 1 {
            debug_assert_eq!(self.nfp2lasta[nf - 1], NIL);
            self.nfp2lasta[nf - 1] = a;
        }
        let d = self.at_mut(a);
        let pool = d.freepools;
        let pool = if pool.is_null() {
            let pool = d.pool_address.cast::<PoolHeader>();
            // SAFETY: nfreepools > 0 and freepools is empty, so at least one
            // never-carved pool remains: [pool_address, +POOL_SIZE) lies in
            // the arena's mapping. Advancing by POOL_SIZE stays in (or one
            // past the end of) the mapping.
            unsafe {
                (*pool).count = 0;
                (*pool).arenaindex = a;
                (*pool).szidx = NO_CLASS;
                (*pool).freeblock = ptr::null_mut();
                d.pool_address = d.pool_address.add(POOL_SIZE);
            }
            pool
        } else {
            // SAFETY: pools on `freepools` are live headers in this arena.
            d.freepools = unsafe { (*pool).nextpool };
            pool
        };
        d.nfreepools -= 1;
        if d.nfreepools == 0 {
            // Wholly allocated: drop it from usable_arenas.
            let next = d.nextarena;
            d.nextarena = NIL;
            self.usable = next;
            if next != NIL {
                self.at_mut(next).prevarena = NIL;
            }
        }
        pool
    }

    /// Gives back a pool that just became empty (and is in no list) to its
    /// arena, then restores the order of `usable_arenas` (ALLOC-7): free the
    /// arena if it is wholly empty and not the last usable one, or insert it
    /// at the head if it was full, or move it right past the arenas that
    /// now have fewer free pools. Returns true if the arena was unmapped.
    ///
    /// # Safety
    /// `pool` is a live, empty pool header of this heap in no list.
    #[inline]
    pub(crate) unsafe fn return_pool(&mut self, pool: *mut PoolHeader) -> bool {
        // SAFETY: `pool` is a live header (contract).
        let a = unsafe { (*pool).arenaindex };
        let d = self.at_mut(a);
        // SAFETY: as above; the pool now joins the arena's free list.
        unsafe { (*pool).nextpool = d.freepools };
        d.freepools = pool;
        let old_nf = d.nfreepools as usize;
        let prev = d.prevarena;
        d.nfreepools += 1;
        let nf = old_nf + 1;
        let (ntotal, next) = (d.ntotalpools as usize, d.nextarena);

        // `a` leaves the group of arenas with old_nf free pools; if it was
        // that group's last, its left neighbour (if in the group) takes over.
        let lastnf = self.nfp2lasta[old_nf];
        if lastnf == a {
            self.nfp2lasta[old_nf] = if prev != NIL && self.at(prev).nfreepools as usize == old_nf {
                prev
            } else {
                NIL
            };
        }

        if nf == ntotal && next != NIL {
            // Case 1: wholly empty and not the last usable arena: free it.
            self.unlink_usable(a, prev, next);
            self.release(a);
            return true;
        }
        if nf == 1 {
            // Case 2: the arena was full, so not in usable_arenas; it has the
            // fewest free pools of all, so it goes at the head.
            let head = self.usable;
            let d = self.at_mut(a);
            d.nextarena = head;
            d.prevarena = NIL;
            if head != NIL {
                self.at_mut(head).prevarena = a;
            }
            self.usable = a;
            if self.nfp2lasta[1] == NIL {
                self.nfp2lasta[1] = a;
            }
            return false;
        }
        if self.nfp2lasta[nf] == NIL {
            self.nfp2lasta[nf] = a;
        }
        if lastnf == a {
            // Case 4: it was the last with old_nf; the order still holds.
            return false;
        }
        // Case 3: move `a` right, just after `lastnf` (the old last arena
        // with old_nf free pools), which keeps the list sorted.
        debug_assert!(next != NIL && lastnf != NIL);
        self.unlink_usable(a, prev, next);
        let after = self.at(lastnf).nextarena;
        {
            let d = self.at_mut(a);
            d.prevarena = lastnf;
            d.nextarena = after;
        }
        self.at_mut(lastnf).nextarena = a;
        if after != NIL {
            self.at_mut(after).prevarena = a;
        }
        false
    }

    /// Removes `a` (with neighbours `prev`, `next`) from `usable_arenas`.
    fn unlink_usable(&mut self, a: u32, prev: u32, next: u32) {
        if prev == NIL {
            debug_assert_eq!(self.usable, a);
            self.usable = next;
        } else {
            self.at_mut(prev).nextarena = next;
        }
        if next != NIL {
            self.at_mut(next).prevarena = prev;
        }
    }

    /// Unmaps arena `a` (in no list) and puts its descriptor on `unused`.
    #[cold]
    fn release(&mut self, a: u32) {
        let unused = self.unused;
        let d = self.at_mut(a);
        let base = d.address;
        *d = ArenaObject { nextarena: unused, ..ArenaObject::UNUSED };
        self.unused = a;
        self.ncurrently -= 1;
        #[cfg(debug_assertions)]
        {
            let at = self.map.as_slice().partition_point(|&(b, _)| b < base.addr());
            let removed = self.map.remove(at);
            debug_assert_eq!(removed, (base.addr(), a));
        }
        // SAFETY: `base` is the live mapping of arena `a`, which has no
        // carved pool in use (it is wholly empty) and no descriptor or list
        // refers to it any more.
        unsafe { os::unmap_arena(base) };
    }

    /// The arena (index) whose mapping contains `p`, if any (debug builds).
    #[cfg(debug_assertions)]
    pub(crate) fn arena_containing(&self, p: *const u8) -> Option<u32> {
        let map = self.map.as_slice();
        let after = map.partition_point(|&(b, _)| b <= p.addr());
        let &(base, i) = map.get(after.checked_sub(1)?)?;
        (p.addr() - base < crate::size_class::ARENA_SIZE).then_some(i)
    }
}

impl Drop for Arenas {
    fn drop(&mut self) {
        for d in self.table.as_slice() {
            if !d.address.is_null() {
                // SAFETY: every non-null address is a live arena mapping of
                // this heap; dropping the heap ends the life of its blocks.
                unsafe { os::unmap_arena(d.address) };
            }
        }
    }
}
