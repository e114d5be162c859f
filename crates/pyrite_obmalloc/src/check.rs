//! [`Heap::check_invariants`]: the expensive whole-heap consistency walk used
//! by tests (the cheap checks are `debug_assert!`s on the hot paths).

use std::collections::{HashMap, HashSet};

use crate::arena::NIL;
use crate::heap::Heap;
use crate::pool::PoolHeader;
use crate::size_class::{
    blocks_per_pool, class_block_size, ARENA_SIZE, MAX_POOLS_IN_ARENA, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD,
    POOL_SIZE, POOL_SIZE_MASK,
};

/// What the walk of the arenas found about one carved, non-empty pool.
struct PoolFacts {
    szidx: usize,
    has_free: bool,
}

impl Heap {
    /// Walks the whole heap and panics with a description of the first
    /// broken invariant: descriptor lists, arena free-pool counts, every pool
    /// header, every free list (inside its pool, block-aligned, no block
    /// listed twice, counts adding up), `usedpools` membership and links,
    /// `usable_arenas` order and links, `nfp2lasta`, and the counters.
    /// Cost: linear in mapped memory. Does nothing in system mode.
    pub fn check_invariants(&self) {
        let a = &self.arenas;
        let table = a.table.as_slice();
        let n = table.len();
        assert!(n == 0 || n.is_power_of_two() && n >= 16, "descriptor table length {n}");

        // Unused descriptors: exactly those with a null address, each once.
        let mut unused = HashSet::new();
        let mut i = a.unused;
        while i != NIL {
            assert!((i as usize) < n, "unused list index {i} out of range");
            assert!(unused.insert(i), "descriptor {i} twice on the unused list");
            assert!(table[i as usize].address.is_null(), "live arena {i} on the unused list");
            i = table[i as usize].nextarena;
        }
        let live = table.iter().filter(|d| !d.address.is_null()).count();
        assert_eq!(live + unused.len(), n, "descriptors neither live nor on the unused list");
        assert_eq!(live, a.ncurrently, "arenas allocated current");
        assert!(a.highwater >= a.ncurrently && a.ntimes_allocated >= a.highwater, "arena counters");
        #[cfg(debug_assertions)]
        {
            let mut bases: Vec<(usize, u32)> = (0..n as u32)
                .filter(|&k| !table[k as usize].address.is_null())
                .map(|k| (table[k as usize].address.addr(), k))
                .collect();
            bases.sort_unstable();
            assert_eq!(a.map.as_slice(), &bases[..], "debug arena map out of date");
        }

        // Every live arena and every pool in it.
        let mut non_empty: HashMap<usize, PoolFacts> = HashMap::new();
        for (k, d) in table.iter().enumerate() {
            if d.address.is_null() {
                continue;
            }
            let first = d.first_pool();
            let aligned = d.address.addr() & POOL_SIZE_MASK == 0;
            let total = MAX_POOLS_IN_ARENA - usize::from(!aligned);
            assert_eq!(d.ntotalpools as usize, total, "arena {k} ntotalpools");
            let end = first.addr() + total * POOL_SIZE;
            assert!(end <= d.address.addr() + ARENA_SIZE, "arena {k} pools overrun");
            let pa = d.pool_address.addr();
            assert!(pa >= first.addr() && pa <= end && (pa - first.addr()) % POOL_SIZE == 0, "arena {k} pool_address");
            let carved = (pa - first.addr()) / POOL_SIZE;

            // Its free pools.
            let mut free_pools = HashSet::new();
            let mut p = d.freepools;
            while !p.is_null() {
                let off = p.addr().wrapping_sub(first.addr());
                assert!(off < carved * POOL_SIZE && off % POOL_SIZE == 0, "arena {k}: bad free pool {p:p}");
                assert!(free_pools.insert(p.addr()), "arena {k}: pool {p:p} twice on freepools");
                // SAFETY: `p` was just checked to be a carved pool of this
                // live arena, so its header is initialised heap memory.
                let h = unsafe { &*p };
                assert_eq!(h.count, 0, "arena {k}: non-empty pool {p:p} on freepools");
                p = h.nextpool;
            }
            assert_eq!(d.nfreepools as usize, free_pools.len() + (total - carved), "arena {k} nfreepools");

            for j in 0..carved {
                let pool = first.wrapping_add(j * POOL_SIZE).cast::<PoolHeader>();
                // SAFETY: pools below `pool_address` of a live arena are
                // carved: their headers are initialised heap memory.
                let h = unsafe { &*pool };
                assert_eq!(h.arenaindex as usize, k, "pool {pool:p} arenaindex");
                if h.count == 0 {
                    assert!(free_pools.contains(&pool.addr()), "empty pool {pool:p} not on its arena's freepools");
                    continue;
                }
                let facts = check_pool(pool, h);
                non_empty.insert(pool.addr(), facts);
            }
        }

        // usedpools: exactly the non-empty pools with free blocks.
        let mut in_used = HashSet::new();
        for idx in 0..NB_SMALL_SIZE_CLASSES {
            let (mut prev, mut p) = (core::ptr::null_mut(), self.used.heads[idx]);
            while !p.is_null() {
                let facts = non_empty.get(&p.addr()).unwrap_or_else(|| panic!("usedpools[{idx}] holds {p:p}, not a non-empty pool"));
                assert_eq!(facts.szidx, idx, "pool {p:p} in the wrong usedpools list");
                assert!(facts.has_free, "full pool {p:p} in usedpools[{idx}]");
                assert!(in_used.insert(p.addr()), "pool {p:p} twice in usedpools");
                // SAFETY: `p` is a known non-empty carved pool (map above).
                let (back, next) = unsafe { ((*p).prevpool, (*p).nextpool) };
                assert_eq!(back, prev, "usedpools[{idx}] prev link of {p:p}");
                (prev, p) = (p, next);
            }
        }
        for (addr, facts) in &non_empty {
            assert_eq!(facts.has_free, in_used.contains(addr), "pool {addr:#x}: used-list membership");
        }

        // usable_arenas: the arenas with free pools, sorted, plus nfp2lasta.
        let mut expect_last = [NIL; MAX_POOLS_IN_ARENA + 1];
        let mut seen = HashSet::new();
        let (mut prev, mut i, mut prev_nf) = (NIL, a.usable, 0);
        while i != NIL {
            let d = &table[i as usize];
            assert!(!d.address.is_null(), "unused descriptor {i} in usable_arenas");
            assert!(seen.insert(i), "arena {i} twice in usable_arenas");
            assert_eq!(d.prevarena, prev, "usable_arenas prev link of {i}");
            let nf = d.nfreepools as usize;
            assert!(nf > 0, "arena {i} without free pools in usable_arenas");
            assert!(nf >= prev_nf, "usable_arenas not sorted at {i}");
            expect_last[nf] = i;
            (prev, prev_nf, i) = (i, nf, d.nextarena);
        }
        let with_free = table.iter().filter(|d| !d.address.is_null() && d.nfreepools > 0).count();
        assert_eq!(seen.len(), with_free, "usable_arenas misses an arena with free pools");
        assert_eq!(a.nfp2lasta, expect_last, "nfp2lasta");
    }
}

/// Checks one carved, non-empty pool's header and free list.
fn check_pool(pool: *mut PoolHeader, h: &PoolHeader) -> PoolFacts {
    let idx = h.szidx as usize;
    assert!(idx < NB_SMALL_SIZE_CLASSES, "pool {pool:p}: bad szidx {}", h.szidx);
    let size = class_block_size(idx);
    assert_eq!(h.maxnextoffset as usize, POOL_SIZE - size, "pool {pool:p} maxnextoffset");
    let next = h.nextoffset as usize;
    assert!(next >= POOL_OVERHEAD && (next - POOL_OVERHEAD).is_multiple_of(size), "pool {pool:p} nextoffset");
    assert!(next <= POOL_SIZE, "pool {pool:p} nextoffset beyond the pool");
    let touched = (next - POOL_OVERHEAD) / size;
    let mut on_list = vec![false; blocks_per_pool(idx)];
    let mut free = 0;
    let mut b = h.freeblock;
    while !b.is_null() {
        let off = b.addr().wrapping_sub(pool.addr());
        assert!(
            (POOL_OVERHEAD..next).contains(&off) && (off - POOL_OVERHEAD).is_multiple_of(size),
            "pool {pool:p}: free-list entry {b:p} is not a touched block"
        );
        let k = (off - POOL_OVERHEAD) / size;
        assert!(!on_list[k], "pool {pool:p}: block {b:p} twice on the free list");
        on_list[k] = true;
        free += 1;
        // SAFETY: `b` is a touched block of this carved pool (checked just
        // above); free blocks hold the next link in their first word.
        b = unsafe { b.cast::<*mut u8>().read() };
    }
    assert_eq!(h.count as usize + free, touched, "pool {pool:p}: count + free != touched blocks");
    let has_free = free > 0;
    if !has_free {
        assert!(next > h.maxnextoffset as usize, "pool {pool:p}: empty free list but untouched blocks left");
    }
    PoolFacts { szidx: idx, has_free }
}
