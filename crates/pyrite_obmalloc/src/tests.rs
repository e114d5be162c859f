//! Unit tests of every pool and arena state transition (ALLOC-5, ALLOC-7,
//! ALLOC-8), realloc, modes and the debug checks. They peek at internals.

use core::ptr;

use crate::arena::NIL;
use crate::pool::{pool_of, PoolHeader};
use crate::size_class::{
    blocks_per_pool, class_block_size, size_class_index, ARENA_SIZE, INITIAL_ARENA_OBJECTS,
    NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE,
};
use crate::{AllocatorMode, Heap};

const BIG: usize = 512;

fn alloc(h: &mut Heap, size: usize) -> *mut u8 {
    // SAFETY: every test frees its blocks on the same heap or drops the heap.
    let p = unsafe { h.alloc(size) };
    assert!(!p.is_null());
    p
}

fn free(h: &mut Heap, p: *mut u8, size: usize) {
    // SAFETY: tests free each live block once, with its size.
    unsafe { h.dealloc(p, size) }
}

fn header(p: *mut u8) -> &'static PoolHeader {
    // SAFETY: tests call this only for live blocks, whose pool header is
    // initialised; the reference is used before the heap changes.
    unsafe { &*pool_of(p) }
}

/// The pools of `usedpools[idx]`, head first.
fn used_list(h: &Heap, idx: usize) -> Vec<*mut PoolHeader> {
    let mut out = Vec::new();
    let mut p = h.used.heads[idx];
    while !p.is_null() {
        out.push(p);
        // SAFETY: pools in usedpools are live headers.
        p = unsafe { (*p).nextpool };
    }
    out
}

/// `usable_arenas` as (index, nfreepools), head first.
fn usable(h: &Heap) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut i = h.arenas.usable;
    while i != NIL {
        let d = h.arenas.get(i);
        out.push((i, d.nfreepools));
        i = d.nextarena;
    }
    out
}

fn arena_of(h: &Heap, p: *mut u8) -> u32 {
    let a = header(p).arenaindex;
    assert!(!h.arenas.get(a).address.is_null());
    a
}

/// Allocates `n` blocks of `size` bytes.
fn alloc_n(h: &mut Heap, size: usize, n: usize) -> Vec<*mut u8> {
    (0..n).map(|_| alloc(h, size)).collect()
}

#[test]
fn first_allocation_initialises_pool_and_arena() {
    let mut h = Heap::new();
    let p = alloc(&mut h, 24);
    let pool = pool_of(p);
    let hd = header(p);
    assert_eq!(p as usize - pool as usize, POOL_OVERHEAD, "block 0 comes first");
    assert_eq!(hd.count, 1);
    let size = class_block_size(size_class_index(24).unwrap());
    assert_eq!(hd.freeblock as usize, p as usize + size, "block 1 is the only free entry");
    assert_eq!(hd.nextoffset as usize, POOL_OVERHEAD + 2 * size);
    assert_eq!(hd.maxnextoffset as usize, POOL_SIZE - size);
    assert_eq!(used_list(&h, size_class_index(24).unwrap()), vec![pool]);
    let s = h.stats();
    assert_eq!((s.arenas_current, s.arenas_allocated_total, s.arenas_highwater), (1, 1, 1));
    assert_eq!(usable(&h), vec![(0, ntotal(&h, 0) - 1)]);
    h.check_invariants();
    free(&mut h, p, 24);
    h.check_invariants();
}

#[test]
fn untouched_blocks_are_used_in_order_before_the_pool_is_full() {
    let mut h = Heap::new();
    let idx = size_class_index(40).unwrap();
    let size = class_block_size(idx);
    let n = blocks_per_pool(idx);
    let blocks = alloc_n(&mut h, 40, n - 1);
    let pool = pool_of(blocks[0]);
    for (k, &b) in blocks.iter().enumerate() {
        assert_eq!(pool_of(b), pool);
        assert_eq!(b as usize, pool as usize + POOL_OVERHEAD + k * size, "block {k}");
    }
    // One block left: still used, its free list holds the last block.
    assert_eq!(used_list(&h, idx), vec![pool]);
    assert_eq!(header(blocks[0]).count as usize, n - 1);
    h.check_invariants();
    // The last block makes the pool full: it leaves usedpools.
    let last = alloc(&mut h, 40);
    assert_eq!(pool_of(last), pool);
    assert!(header(last).freeblock.is_null());
    assert!(used_list(&h, idx).is_empty());
    h.check_invariants();
    // The next request needs a new pool.
    let other = alloc(&mut h, 40);
    assert_ne!(pool_of(other), pool);
    assert_eq!(used_list(&h, idx), vec![pool_of(other)]);
    h.check_invariants();
}

#[test]
fn full_pool_freeing_a_block_goes_to_the_front_of_usedpools() {
    let mut h = Heap::new();
    let idx = size_class_index(BIG).unwrap();
    let n = blocks_per_pool(idx);
    let a = alloc_n(&mut h, BIG, n); // pool A: full
    let pool_a = pool_of(a[0]);
    let b = alloc(&mut h, BIG); // pool B: used
    let pool_b = pool_of(b);
    assert_eq!(used_list(&h, idx), vec![pool_b]);
    // used -> full -> used: A comes back at the FRONT.
    free(&mut h, a[3], BIG);
    assert_eq!(used_list(&h, idx), vec![pool_a, pool_b]);
    assert_eq!(header(a[0]).count as usize, n - 1);
    h.check_invariants();
    // LIFO: the next allocation reuses the freed block, and A is full again.
    let again = alloc(&mut h, BIG);
    assert_eq!(again, a[3]);
    assert_eq!(used_list(&h, idx), vec![pool_b]);
    h.check_invariants();
}

#[test]
fn new_pool_goes_to_the_front_of_usedpools() {
    let mut h = Heap::new();
    let idx = size_class_index(BIG).unwrap();
    let n = blocks_per_pool(idx);
    let a = alloc_n(&mut h, BIG, n + 1); // A full, B used
    let pool_b = pool_of(a[n]);
    free(&mut h, a[0], BIG); // A used again, at the front
    let pool_a = pool_of(a[0]);
    assert_eq!(used_list(&h, idx), vec![pool_a, pool_b]);
    // Fill A and B; a third pool C then goes to the front.
    let more = alloc_n(&mut h, BIG, 1 + (n - 1));
    assert!(used_list(&h, idx).is_empty());
    let c = alloc(&mut h, BIG);
    assert_eq!(used_list(&h, idx), vec![pool_of(c)]);
    free(&mut h, more[0], BIG);
    assert_eq!(used_list(&h, idx)[0], pool_of(more[0]));
    assert_eq!(used_list(&h, idx).len(), 2);
    h.check_invariants();
}

#[test]
fn used_to_empty_returns_the_pool_to_its_arena() {
    let mut h = Heap::new();
    let idx = size_class_index(64).unwrap();
    let blocks = alloc_n(&mut h, 64, 10);
    let pool = pool_of(blocks[0]);
    let a = arena_of(&h, blocks[0]);
    let nf = h.arenas.get(a).nfreepools;
    for &b in &blocks {
        free(&mut h, b, 64);
    }
    assert!(used_list(&h, idx).is_empty());
    let d = h.arenas.get(a);
    assert_eq!(d.nfreepools, nf + 1);
    assert_eq!(d.freepools, pool);
    assert_eq!(header(blocks[0]).count, 0);
    // The only arena is kept even though wholly empty (bpo-37257).
    assert_eq!(h.stats().arenas_current, 1);
    assert_eq!(usable(&h), vec![(a, ntotal(&h, a))]);
    h.check_invariants();
}

#[test]
fn reused_pool_of_the_same_class_keeps_its_free_list() {
    let mut h = Heap::new();
    let blocks = alloc_n(&mut h, 64, 5);
    let pool = pool_of(blocks[0]);
    let next_offset = header(blocks[0]).nextoffset;
    for &b in &blocks {
        free(&mut h, b, 64);
    }
    // Same class: same pool, last freed block first, nothing re-carved.
    let p = alloc(&mut h, 64);
    assert_eq!(pool_of(p), pool);
    assert_eq!(p, blocks[4]);
    assert_eq!(header(p).nextoffset, next_offset);
    assert_eq!(header(p).count, 1);
    h.check_invariants();
    let q = alloc(&mut h, 64);
    assert_eq!(q, blocks[3]);
    h.check_invariants();
}

#[test]
fn reused_pool_of_another_class_is_reinitialised() {
    let mut h = Heap::new();
    let blocks = alloc_n(&mut h, 64, 5);
    let pool = pool_of(blocks[0]);
    for &b in &blocks {
        free(&mut h, b, 64);
    }
    let p = alloc(&mut h, 200);
    assert_eq!(pool_of(p), pool, "the emptied pool is at the head of freepools");
    assert_eq!(p as usize - pool as usize, POOL_OVERHEAD);
    let size = class_block_size(size_class_index(200).unwrap());
    assert_eq!(header(p).szidx as usize, size_class_index(200).unwrap());
    assert_eq!(header(p).nextoffset as usize, POOL_OVERHEAD + 2 * size);
    h.check_invariants();
}

/// Allocates BIG blocks that exactly fill one new arena (the heap must have
/// no partly used BIG pool and no usable arena); returns it and its blocks.
fn fill_arena(h: &mut Heap) -> (u32, Vec<*mut u8>) {
    let first = alloc(h, BIG);
    let a = arena_of(h, first);
    let n = blocks_per_pool(size_class_index(BIG).unwrap()) * ntotal(h, a) as usize;
    let mut blocks = vec![first];
    blocks.extend(alloc_n(h, BIG, n - 1));
    assert!(blocks.iter().all(|&p| arena_of(h, p) == a));
    assert_eq!(h.arenas.get(a).nfreepools, 0, "arena {a} is full");
    (a, blocks)
}

/// Pools arena `a` holds (one less than the maximum if its base is not
/// pool-aligned, as happens with the `cpython311` parameters).
fn ntotal(h: &Heap, a: u32) -> u32 {
    h.arenas.get(a).ntotalpools
}

#[test]
fn kept_last_empty_arena_and_arena_freed() {
    let mut h = Heap::new();
    // Arena A full, arena B with one pool in use.
    let (a, a_blocks) = fill_arena(&mut h);
    assert!(usable(&h).is_empty(), "a full arena is not usable");
    let b_block = alloc(&mut h, BIG);
    let b = arena_of(&h, b_block);
    assert_ne!(a, b);
    assert_eq!(h.stats().arenas_current, 2);
    h.check_invariants();

    // B becomes wholly empty but is the last usable arena: kept.
    free(&mut h, b_block, BIG);
    assert_eq!(usable(&h), vec![(b, ntotal(&h, b))]);
    assert_eq!(h.stats().arenas_current, 2);
    h.check_invariants();

    // Free A pool by pool: first it re-enters usable_arenas at the head
    // (case 2), then moves right as it gains free pools (cases 3/4)...
    let per_pool = blocks_per_pool(size_class_index(BIG).unwrap());
    for (k, chunk) in a_blocks.chunks(per_pool).enumerate() {
        let last_pool = k + 1 == ntotal(&h, a) as usize;
        for &p in chunk {
            free(&mut h, p, BIG);
        }
        if !last_pool {
            assert_eq!(usable(&h), vec![(a, k as u32 + 1), (b, ntotal(&h, b))]);
            h.check_invariants();
        }
    }
    // ... and once wholly empty it is not the last one, so it is unmapped.
    assert_eq!(usable(&h), vec![(b, ntotal(&h, b))]);
    let s = h.stats();
    assert_eq!((s.arenas_current, s.arenas_reclaimed, s.arenas_allocated_total, s.arenas_highwater), (1, 1, 2, 2));
    assert!(h.arenas.get(a).address.is_null());
    assert_eq!(h.arenas.unused, a, "the descriptor is recycled first");
    h.check_invariants();
}

#[test]
fn empty_kept_arena_is_reused_before_mapping_a_new_one() {
    let mut h = Heap::new();
    let p = alloc(&mut h, 100);
    free(&mut h, p, 100);
    let q = alloc(&mut h, 300);
    let s = h.stats();
    assert_eq!((s.arenas_allocated_total, s.arenas_current), (1, 1));
    assert_eq!(pool_of(p), pool_of(q));
    free(&mut h, q, 300);
    h.check_invariants();
}

#[test]
fn freed_descriptor_is_reused_for_the_next_arena() {
    let mut h = Heap::new();
    let (a, a_blocks) = fill_arena(&mut h);
    let b_block = alloc(&mut h, BIG);
    let b = arena_of(&h, b_block);
    // B (kept, wholly empty) has at least as many free pools as A ever
    // reaches, so A is never the last usable arena and gets unmapped.
    free(&mut h, b_block, BIG);
    for &p in &a_blocks {
        free(&mut h, p, BIG);
    }
    assert!(h.arenas.get(a).address.is_null());
    // Fill B, then the next arena reuses descriptor `a`.
    let per_arena = blocks_per_pool(size_class_index(BIG).unwrap()) * ntotal(&h, b) as usize;
    let b_blocks = alloc_n(&mut h, BIG, per_arena);
    assert!(b_blocks.iter().all(|&p| arena_of(&h, p) == b));
    let c_block = alloc(&mut h, BIG);
    assert_eq!(arena_of(&h, c_block), a);
    let s = h.stats();
    assert_eq!((s.arenas_allocated_total, s.arenas_current, s.arenas_reclaimed, s.arenas_highwater), (3, 2, 1, 2));
    h.check_invariants();
    for p in b_blocks.into_iter().chain([c_block]) {
        free(&mut h, p, BIG);
    }
    h.check_invariants();
}

#[test]
fn usable_arenas_stay_sorted_by_free_pools() {
    let mut h = Heap::new();
    let per_pool = blocks_per_pool(size_class_index(BIG).unwrap());
    // Three full arenas.
    let full: Vec<(u32, Vec<*mut u8>)> = (0..3).map(|_| fill_arena(&mut h)).collect();
    let arenas: Vec<u32> = full.iter().map(|f| f.0).collect();
    // Empty 3 pools of arena 0, 1 pool of arena 1, 2 pools of arena 2.
    for (k, pools) in [(0, 3), (1, 1), (2, 2)] {
        for &p in &full[k].1[..pools * per_pool] {
            free(&mut h, p, BIG);
        }
        h.check_invariants();
    }
    assert_eq!(usable(&h), vec![(arenas[1], 1), (arenas[2], 2), (arenas[0], 3)]);
    assert_eq!(h.arenas.nfp2lasta[1], arenas[1]);
    assert_eq!(h.arenas.nfp2lasta[2], arenas[2]);
    assert_eq!(h.arenas.nfp2lasta[3], arenas[0]);
    // New pools come from the busiest arena first.
    let p = alloc(&mut h, 8);
    assert_eq!(arena_of(&h, p), arenas[1]);
    assert_eq!(usable(&h), vec![(arenas[2], 2), (arenas[0], 3)]);
    h.check_invariants();
}

#[test]
fn descriptor_table_grows_from_16_by_doubling() {
    let mut h = Heap::new();
    let n = INITIAL_ARENA_OBJECTS + 1;
    let blocks: Vec<*mut u8> = (0..n).flat_map(|_| fill_arena(&mut h).1).collect();
    assert_eq!(h.arenas.table.len(), 2 * INITIAL_ARENA_OBJECTS);
    let s = h.stats();
    assert_eq!(s.arenas_current, n);
    assert_eq!(s.total_bytes, n * ARENA_SIZE);
    h.check_invariants();
    for p in blocks {
        free(&mut h, p, BIG);
    }
    let s = h.stats();
    assert_eq!((s.arenas_current, s.arenas_reclaimed, s.arenas_highwater), (1, n - 1, n));
    h.check_invariants();
}

#[test]
fn zero_and_large_requests_go_to_the_system() {
    let mut h = Heap::new();
    let z = alloc(&mut h, 0);
    let big = alloc(&mut h, 513);
    // SAFETY: 513 writable bytes.
    unsafe { big.write_bytes(1, 513) };
    assert_eq!(h.stats().arenas_allocated_total, 0);
    free(&mut h, z, 0);
    free(&mut h, big, 513);
    let one = alloc(&mut h, 1);
    let max = alloc(&mut h, 512);
    assert_eq!(h.stats().arenas_allocated_total, 1);
    assert_eq!(header(one).szidx, 0);
    assert_eq!(header(max).szidx as usize, NB_SMALL_SIZE_CLASSES - 1);
    free(&mut h, one, 1);
    free(&mut h, max, 512);
    // Null is a no-op.
    free(&mut h, ptr::null_mut(), 8);
    h.check_invariants();
}

#[test]
fn realloc_keeps_copies_and_moves_between_allocators() {
    let mut h = Heap::new();
    // SAFETY: each pointer is live with the size passed alongside it.
    unsafe {
        let p = h.realloc(ptr::null_mut(), 0, 100);
        assert!(!p.is_null());
        for i in 0..100 {
            *p.add(i) = i as u8;
        }
        // Fits in the 104-byte block and is > 3/4 of it: same block.
        let block = class_block_size(size_class_index(100).unwrap());
        let q = h.realloc(p, 100, block);
        assert_eq!(q, p);
        // Shrinking to <= 3/4 of the block moves to a smaller class.
        let r = h.realloc(q, block, 40);
        assert_ne!(r, q);
        assert_eq!(header(r).szidx as usize, size_class_index(40).unwrap());
        assert!((0..40).all(|i| *r.add(i) == i as u8));
        // Small -> large (system) -> larger -> small again.
        let s = h.realloc(r, 40, 1000);
        assert!((0..40).all(|i| *s.add(i) == i as u8));
        s.add(999).write(9);
        let t = h.realloc(s, 1000, 5000);
        assert_eq!(*t.add(999), 9);
        let u = h.realloc(t, 5000, 30);
        assert!((0..30).all(|i| *u.add(i) == i as u8));
        assert!(size_class_index(30).is_some() && h.stats().classes[size_class_index(30).unwrap()].blocks_in_use == 1);
        // Kept block freed with its new (smaller) size works: the class
        // comes from the pool header.
        let w = h.alloc(512);
        let w2 = h.realloc(w, 512, 400);
        assert_eq!(w, w2);
        h.dealloc(w2, 400);
        h.dealloc(u, 30);
    }
    h.check_invariants();
    assert_eq!(h.stats().allocated_bytes, 0);
}

#[test]
fn system_mode_routes_everything_to_malloc() {
    let mut h = Heap::new_system();
    assert_eq!(h.mode(), AllocatorMode::System);
    let ps: Vec<_> = [0, 1, 8, 512, 513, 100_000].iter().map(|&n| (alloc(&mut h, n), n)).collect();
    // SAFETY: each block is live with its size.
    let grown = unsafe { h.realloc(ps[2].0, 8, 16) };
    assert_eq!(h.stats(), crate::Stats::default());
    let mut text = Vec::new();
    h.write_debug_stats(&mut text).unwrap();
    assert!(text.is_empty());
    free(&mut h, grown, 16);
    for (k, (p, n)) in ps.into_iter().enumerate() {
        if k != 2 {
            free(&mut h, p, n);
        }
    }
    h.check_invariants();
}

#[test]
fn arena_released_hook_runs_after_each_unmapped_arena() {
    use std::cell::Cell;
    thread_local!(static RELEASED: Cell<Vec<usize>> = const { Cell::new(Vec::new()) });
    fn hook(h: &Heap) {
        RELEASED.with(|r| {
            let mut v = r.take();
            v.push(h.arenas_in_use());
            r.set(v);
        });
    }
    let mut h = Heap::new();
    h.set_arena_released_hook(Some(hook));
    let per_arena = (ARENA_SIZE / POOL_SIZE) * blocks_per_pool(size_class_index(BIG).unwrap_or(0));
    let blocks = alloc_n(&mut h, BIG, 3 * per_arena);
    assert_eq!(h.arenas_in_use(), 3);
    for p in blocks {
        free(&mut h, p, BIG);
    }
    // Two arenas are unmapped; the last one with room is kept (ALLOC-7).
    assert_eq!(RELEASED.with(Cell::take), vec![2, 1]);
    assert_eq!(h.arenas_in_use(), 1);
    h.check_invariants();
}

#[test]
fn new_arena_hook_runs_before_each_new_arena() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    fn hook(h: &Heap) {
        h.check_invariants();
        CALLS.store(CALLS.load(Ordering::Relaxed) * 100 + h.stats().arenas_current + 1, Ordering::Relaxed);
    }
    let mut h = Heap::new();
    h.set_new_arena_hook(Some(hook));
    let mut blocks = fill_arena(&mut h).1;
    blocks.push(alloc(&mut h, BIG));
    assert_eq!(CALLS.load(Ordering::Relaxed), 102, "called with 0, then 1 arenas mapped");
    h.set_new_arena_hook(None);
    for p in blocks {
        free(&mut h, p, BIG);
    }
}

#[cfg(debug_assertions)]
mod debug_checks {
    use super::*;

    #[test]
    #[should_panic(expected = "double free")]
    fn double_free_is_caught() {
        let mut h = Heap::new();
        let p = alloc(&mut h, 32);
        let _keep = alloc(&mut h, 32);
        free(&mut h, p, 32);
        free(&mut h, p, 32);
    }

    #[test]
    #[should_panic(expected = "not in any arena")]
    fn foreign_pointer_is_caught() {
        let mut h = Heap::new();
        let _keep = alloc(&mut h, 32);
        let mut local = [0u64; 4];
        free(&mut h, local.as_mut_ptr().cast(), 32);
    }

    #[test]
    #[should_panic(expected = "not the start of a handed-out block")]
    fn interior_pointer_is_caught() {
        let mut h = Heap::new();
        let p = alloc(&mut h, 32);
        free(&mut h, p.wrapping_add(8), 32);
    }

    #[test]
    #[should_panic(expected = "non-small size")]
    fn pool_block_freed_as_large_is_caught() {
        let mut h = Heap::new();
        let p = alloc(&mut h, 32);
        free(&mut h, p, 4096);
    }
}
