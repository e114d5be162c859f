//! Small-object churn: pyrite's unsynchronised `Heap` (as the interpreter
//! uses it, under its GIL) and its thread-safe `PyriteGlobalAlloc` adapter
//! (the same heap behind a mutex, as any Rust program would use it) against
//! the system allocator (glibc malloc) and mimalloc, on the same
//! pre-generated traces.
//!
//! Workloads (sizes uniform in 8..=512 unless noted):
//! * `random`: 1,000 slots; each op frees a random slot (if full) and
//!   refills it.
//! * `lifo`: bursts of 1..64 allocations freed in reverse order (call
//!   frames, temporaries).
//! * `mixed`: 5,000 long-lived blocks, slowly replaced, under a stream of
//!   short-lived ones that die after 16 further allocations.
//! * `pyobj`: interpreter-like sizes (ints, floats, tuples, lists, dicts,
//!   frames; a handful of classes) in random churn over 2,000 slots mixed
//!   with LIFO bursts of 1..16.
//!
//! Every allocation writes its first and last byte. Each trace ends with
//! everything freed, so iterations start from the same (warm) state.
//!
//! `cargo bench -p pyrite_obmalloc --bench churn`; with
//! `--features bench-cpython` also CPython 3.11's own pymalloc
//! (`PyObject_Malloc`/`PyObject_Free` from `libpython3.11.so`, which must be
//! installed), on the same traces.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mimalloc::MiMalloc;
use pyrite_obmalloc::{Heap, PyriteGlobalAlloc};

/// One step of a trace.
#[derive(Clone, Copy)]
enum Op {
    Alloc { slot: u32, size: u32 },
    Free { slot: u32 },
}

/// A trace and the number of slots it uses.
struct Trace {
    ops: Vec<Op>,
    slots: usize,
}

/// The allocators under test, behind one small interface.
trait Allocator {
    /// # Safety
    /// Freed with `free` and the same size.
    unsafe fn alloc(&mut self, size: usize) -> *mut u8;
    /// # Safety
    /// `p` is live from `alloc` with `size`.
    unsafe fn free(&mut self, p: *mut u8, size: usize);
}

impl Allocator for Heap {
    #[inline(always)]
    unsafe fn alloc(&mut self, size: usize) -> *mut u8 {
        // SAFETY: forwarded contract.
        unsafe { Heap::alloc(self, size) }
    }
    #[inline(always)]
    unsafe fn free(&mut self, p: *mut u8, size: usize) {
        // SAFETY: forwarded contract.
        unsafe { Heap::dealloc(self, p, size) }
    }
}

/// A `GlobalAlloc` used as a plain allocator with 8-byte alignment.
struct Global<A: GlobalAlloc>(A);

impl<A: GlobalAlloc> Allocator for Global<A> {
    #[inline(always)]
    unsafe fn alloc(&mut self, size: usize) -> *mut u8 {
        // SAFETY: sizes are 8..=512 and 8 is a power of two.
        unsafe { self.0.alloc(Layout::from_size_align_unchecked(size, 8)) }
    }
    #[inline(always)]
    unsafe fn free(&mut self, p: *mut u8, size: usize) {
        // SAFETY: forwarded contract; same layout as the allocation.
        unsafe { self.0.dealloc(p, Layout::from_size_align_unchecked(size, 8)) }
    }
}

/// CPython's object allocator, called through libpython.
#[cfg(feature = "bench-cpython")]
mod cpython {
    #[link(name = "python3.11")]
    extern "C" {
        fn PyObject_Malloc(size: usize) -> *mut u8;
        fn PyObject_Free(p: *mut u8);
    }

    /// `PyObject_Malloc`/`PyObject_Free` (pymalloc with CPython 3.11's
    /// parameters; frees look the block's arena up in its radix tree).
    pub struct CPython;

    impl super::Allocator for CPython {
        #[inline(always)]
        unsafe fn alloc(&mut self, size: usize) -> *mut u8 {
            // SAFETY: pymalloc needs no interpreter for these calls.
            unsafe { PyObject_Malloc(size) }
        }
        #[inline(always)]
        unsafe fn free(&mut self, p: *mut u8, _size: usize) {
            // SAFETY: forwarded contract: `p` came from PyObject_Malloc.
            unsafe { PyObject_Free(p) }
        }
    }
}

/// xorshift64*.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn size(&mut self) -> u32 {
        8 + self.below(505) as u32
    }
}

/// Frees every slot still live at the end of a trace.
fn drain(ops: &mut Vec<Op>, live: &mut [bool]) {
    for (slot, l) in live.iter_mut().enumerate() {
        if *l {
            ops.push(Op::Free { slot: slot as u32 });
            *l = false;
        }
    }
}

fn random_trace(n: usize) -> Trace {
    const SLOTS: usize = 1000;
    let mut rng = Rng(1);
    let mut live = vec![false; SLOTS];
    let mut ops = Vec::with_capacity(2 * n);
    for _ in 0..n {
        let slot = rng.below(SLOTS as u64) as u32;
        if live[slot as usize] {
            ops.push(Op::Free { slot });
        }
        ops.push(Op::Alloc { slot, size: rng.size() });
        live[slot as usize] = true;
    }
    drain(&mut ops, &mut live);
    Trace { ops, slots: SLOTS }
}

fn lifo_trace(n: usize) -> Trace {
    let mut rng = Rng(2);
    let mut ops = Vec::with_capacity(2 * n);
    while ops.len() < 2 * n {
        let burst = 1 + rng.below(64) as u32;
        for slot in 0..burst {
            ops.push(Op::Alloc { slot, size: rng.size() });
        }
        for slot in (0..burst).rev() {
            ops.push(Op::Free { slot });
        }
    }
    Trace { ops, slots: 64 }
}

fn mixed_trace(n: usize) -> Trace {
    const LONG: u32 = 5000;
    const WINDOW: u32 = 16;
    let mut rng = Rng(3);
    let mut live = vec![false; (LONG + WINDOW) as usize];
    let mut ops = Vec::with_capacity(2 * n + 2 * LONG as usize);
    for slot in 0..LONG {
        ops.push(Op::Alloc { slot, size: rng.size() });
        live[slot as usize] = true;
    }
    for i in 0..n as u32 {
        let slot = LONG + i % WINDOW;
        if live[slot as usize] {
            ops.push(Op::Free { slot });
        }
        // Short-lived objects are mostly small (floats, tuples, frames).
        let size = if rng.below(4) == 0 { rng.size() } else { 8 + rng.below(57) as u32 };
        ops.push(Op::Alloc { slot, size });
        live[slot as usize] = true;
        if i % 64 == 0 {
            let old = rng.below(u64::from(LONG)) as u32;
            ops.push(Op::Free { slot: old });
            ops.push(Op::Alloc { slot: old, size: rng.size() });
        }
    }
    drain(&mut ops, &mut live);
    Trace { ops, slots: live.len() }
}

fn pyobj_trace(n: usize) -> Trace {
    const SLOTS: u32 = 2000;
    const BURST: u32 = 16;
    // float 24, int 32, 1-tuple 32, 2-tuple 40, list 56, small dict 64,
    // 3-tuple 48, bound method 48, str 56..80, frame 400.
    const SIZES: [u32; 12] = [24, 24, 32, 32, 40, 48, 48, 56, 64, 72, 80, 400];
    let mut rng = Rng(4);
    let mut live = vec![false; (SLOTS + BURST) as usize];
    let mut ops = Vec::with_capacity(2 * n + 64);
    let size = |rng: &mut Rng| SIZES[rng.below(SIZES.len() as u64) as usize];
    while ops.len() < 2 * n {
        if rng.below(4) == 0 {
            let burst = 1 + rng.below(u64::from(BURST)) as u32;
            for k in 0..burst {
                ops.push(Op::Alloc { slot: SLOTS + k, size: size(&mut rng) });
            }
            for k in (0..burst).rev() {
                ops.push(Op::Free { slot: SLOTS + k });
            }
        } else {
            let slot = rng.below(u64::from(SLOTS)) as u32;
            if live[slot as usize] {
                ops.push(Op::Free { slot });
            }
            ops.push(Op::Alloc { slot, size: size(&mut rng) });
            live[slot as usize] = true;
        }
    }
    drain(&mut ops, &mut live);
    Trace { ops, slots: live.len() }
}

/// Replays `t`; `slots` is scratch space of `t.slots` entries.
#[inline(never)]
fn replay<A: Allocator>(a: &mut A, t: &Trace, slots: &mut [(*mut u8, usize)]) {
    for &op in &t.ops {
        match op {
            Op::Alloc { slot, size } => {
                let size = size as usize;
                // SAFETY: freed by a later Free of the same slot.
                let p = unsafe { a.alloc(size) };
                // SAFETY: `p` has `size >= 8` writable bytes.
                unsafe {
                    p.write(size as u8);
                    p.add(size - 1).write(1);
                }
                slots[slot as usize] = (p, size);
            }
            Op::Free { slot } => {
                let (p, size) = slots[slot as usize];
                // SAFETY: the slot holds a live block of `size` bytes.
                unsafe { a.free(black_box(p), size) };
            }
        }
    }
}

fn bench(c: &mut Criterion) {
    const N: usize = 200_000;
    let traces = [
        ("random", random_trace(N)),
        ("lifo", lifo_trace(N)),
        ("mixed", mixed_trace(N)),
        ("pyobj", pyobj_trace(N)),
    ];
    for (name, trace) in &traces {
        let mut group = c.benchmark_group(*name);
        group.throughput(Throughput::Elements(trace.ops.len() as u64));
        let mut slots = vec![(std::ptr::null_mut(), 0); trace.slots];
        let mut heap = Heap::new();
        group.bench_function("pyrite", |b| b.iter(|| replay(&mut heap, trace, &mut slots)));
        let mut locked = Global(PyriteGlobalAlloc::new());
        group.bench_function("pyrite-locked", |b| b.iter(|| replay(&mut locked, trace, &mut slots)));
        let mut sys = Global(System);
        group.bench_function("system", |b| b.iter(|| replay(&mut sys, trace, &mut slots)));
        let mut mi = Global(MiMalloc);
        group.bench_function("mimalloc", |b| b.iter(|| replay(&mut mi, trace, &mut slots)));
        #[cfg(feature = "bench-cpython")]
        group.bench_function("cpython", |b| b.iter(|| replay(&mut cpython::CPython, trace, &mut slots)));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = bench
}
criterion_main!(benches);
