//! Property tests: random alloc / free / realloc / write sequences on a
//! [`Heap`], checking that live blocks never overlap, that written data
//! survives, that the stats agree with the live set, and that
//! [`Heap::check_invariants`] holds. Plus a deterministic multi-arena churn.

use proptest::prelude::*;
use pyrite_obmalloc::{class_block_size, size_class_index, Heap, ARENA_SIZE, SMALL_REQUEST_THRESHOLD};

/// A live block and the byte pattern written over all of it.
struct Live {
    ptr: *mut u8,
    size: usize,
    tag: u8,
}

/// The model: the heap plus the blocks we believe are live.
struct Model {
    heap: Heap,
    live: Vec<Live>,
    next_tag: u8,
}

impl Model {
    fn new() -> Self {
        Self { heap: Heap::new(), live: Vec::new(), next_tag: 1 }
    }

    fn tag(&mut self) -> u8 {
        self.next_tag = self.next_tag.wrapping_add(1).max(1);
        self.next_tag
    }

    fn fill(p: *mut u8, size: usize, tag: u8) {
        // SAFETY: `p` is a live block of at least `size` bytes.
        unsafe { p.write_bytes(tag, size) };
    }

    fn verify(l: &Live) {
        // SAFETY: `l.ptr` is a live block of `l.size` bytes that we filled.
        let bytes = unsafe { std::slice::from_raw_parts(l.ptr, l.size) };
        assert!(bytes.iter().all(|&b| b == l.tag), "block {:p} ({} bytes) was overwritten", l.ptr, l.size);
    }

    fn alloc(&mut self, size: usize) {
        // SAFETY: freed by `free`/`realloc`/drop of the model.
        let ptr = unsafe { self.heap.alloc(size) };
        assert!(!ptr.is_null());
        if size_class_index(size).is_some() {
            assert_eq!(ptr as usize % pyrite_obmalloc::ALIGNMENT, 0);
        }
        let tag = self.tag();
        Self::fill(ptr, size, tag);
        self.live.push(Live { ptr, size, tag });
    }

    fn free(&mut self, pick: usize) {
        if self.live.is_empty() {
            return;
        }
        let l = self.live.swap_remove(pick % self.live.len());
        Self::verify(&l);
        // SAFETY: `l` is live and leaves the live set now.
        unsafe { self.heap.dealloc(l.ptr, l.size) };
    }

    fn realloc(&mut self, pick: usize, new_size: usize) {
        if self.live.is_empty() {
            return;
        }
        let k = pick % self.live.len();
        let (old, old_size, tag) = (self.live[k].ptr, self.live[k].size, self.live[k].tag);
        Self::verify(&self.live[k]);
        // SAFETY: `old` is live with `old_size`; replaced by the result.
        let new = unsafe { self.heap.realloc(old, old_size, new_size) };
        assert!(!new.is_null());
        let kept = old_size.min(new_size);
        // SAFETY: the new block holds at least `kept` copied bytes.
        let bytes = unsafe { std::slice::from_raw_parts(new, kept) };
        assert!(bytes.iter().all(|&b| b == tag), "realloc lost data");
        let tag = self.tag();
        Self::fill(new, new_size, tag);
        self.live[k] = Live { ptr: new, size: new_size, tag };
    }

    /// Footprint of a live block: the whole block for pool blocks.
    fn span(l: &Live) -> usize {
        size_class_index(l.size).map_or(l.size.max(1), class_block_size)
    }

    fn check(&self) {
        self.heap.check_invariants();
        let mut spans: Vec<(usize, usize)> = self.live.iter().map(|l| (l.ptr as usize, Self::span(l))).collect();
        spans.sort_unstable();
        for w in spans.windows(2) {
            assert!(w[0].0 + w[0].1 <= w[1].0, "live blocks overlap: {:#x}+{} and {:#x}", w[0].0, w[0].1, w[1].0);
        }
        for l in &self.live {
            Self::verify(l);
        }
        let s = self.heap.stats();
        let small = self.live.iter().filter(|l| size_class_index(l.size).is_some()).count();
        let in_use: usize = s.classes.iter().map(|c| c.blocks_in_use).sum();
        assert!(in_use >= small, "stats count fewer blocks than live");
        assert_eq!(s.total_bytes, s.arenas_current * ARENA_SIZE);
    }

    fn free_all(&mut self) {
        while !self.live.is_empty() {
            self.free(0);
        }
        self.check();
        let s = self.heap.stats();
        assert_eq!(s.allocated_bytes, 0);
        assert!(s.arenas_current <= 1, "all arenas but the kept one are returned");
    }
}

#[derive(Debug, Clone)]
enum Op {
    Alloc(usize),
    Free(usize),
    Realloc(usize, usize),
    /// Allocate `n` blocks of one size, then free them in reverse (LIFO).
    Burst(usize, usize),
}

fn size() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => 1..=SMALL_REQUEST_THRESHOLD,
        1 => Just(0usize),
        1 => (SMALL_REQUEST_THRESHOLD + 1)..=4096,
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => size().prop_map(Op::Alloc),
        4 => any::<usize>().prop_map(Op::Free),
        2 => (any::<usize>(), size()).prop_map(|(k, n)| Op::Realloc(k, n)),
        1 => (1..=SMALL_REQUEST_THRESHOLD, 1..200usize).prop_map(|(n, c)| Op::Burst(n, c)),
    ]
}

proptest! {
    // 1024 cases unless PROPTEST_CASES says otherwise (e.g. under valgrind).
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(1024),
        ..ProptestConfig::default()
    })]
    #[test]
    fn random_sequences_keep_the_heap_consistent(ops in prop::collection::vec(op(), 1..400)) {
        let mut m = Model::new();
        for (i, op) in ops.into_iter().enumerate() {
            match op {
                Op::Alloc(n) => m.alloc(n),
                Op::Free(k) => m.free(k),
                Op::Realloc(k, n) => m.realloc(k, n),
                Op::Burst(n, count) => {
                    let base = m.live.len();
                    for _ in 0..count {
                        m.alloc(n);
                    }
                    for _ in 0..count {
                        let last = m.live.len() - 1;
                        m.free(last);
                    }
                    assert_eq!(m.live.len(), base);
                }
            }
            if i % 32 == 0 {
                m.check();
            }
        }
        m.check();
        m.free_all();
    }
}

/// xorshift64*: a tiny deterministic generator for the churn test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Long-lived blocks mixed with waves of short-lived ones that grow to
/// several arenas and then die: exercises arena release, descriptor reuse,
/// usable_arenas re-sorting and pool reuse across classes.
#[test]
fn multi_arena_churn() {
    let mut m = Model::new();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..500 {
        m.alloc(1 + rng.below(SMALL_REQUEST_THRESHOLD));
    }
    let base = m.live.len();
    // Enough steps to grow ~6 arenas' worth of young blocks (0.4 net
    // allocations per step, 256 bytes on average).
    let steps = 60 * ARENA_SIZE / 1024;
    for wave in 0..4 {
        // Grow: 70% allocations, 30% frees of random young blocks.
        for step in 0..steps {
            if rng.below(100) < 70 || m.live.len() == base {
                m.alloc(1 + rng.below(SMALL_REQUEST_THRESHOLD));
            } else {
                m.free(base + rng.below(m.live.len() - base));
            }
            if step % (steps / 4) == 0 {
                m.check();
            }
        }
        let peak = m.heap.stats().arenas_current;
        // Die: every young block, in random order.
        while m.live.len() > base {
            m.free(base + rng.below(m.live.len() - base));
        }
        m.check();
        let s = m.heap.stats();
        assert!(s.arenas_current < peak, "wave {wave}: arenas should be returned ({peak} -> {})", s.arenas_current);
    }
    let s = m.heap.stats();
    assert!(s.arenas_highwater >= 2, "the churn should span several arenas: {s:?}");
    assert!(s.arenas_reclaimed > 0 && s.arenas_allocated_total > s.arenas_highwater, "{s:?}");
    m.free_all();
}
