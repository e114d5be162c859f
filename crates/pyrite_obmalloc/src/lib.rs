//! pyrite_obmalloc — a pymalloc-style small-object allocator for pyrite.
//!
//! It reproduces CPython's object allocator (`Objects/obmalloc.c`, spec
//! `memory-model.md` §3, ALLOC-1..ALLOC-9): requests of 1..=512 bytes are
//! rounded up to a size class and served from pools of equal-sized blocks
//! inside `mmap`ed arenas; zero-byte and larger requests go to `malloc`.
//!
//! # Module map
//!
//! | module         | holds                                                           |
//! |----------------|-----------------------------------------------------------------|
//! | `size_class`   | every parameter (`ALIGNMENT`, `POOL_SIZE`, ...) and class math  |
//! | `pool`         | the pool header, block carving, the `usedpools` lists           |
//! | `arena`        | arena descriptors, `usable_arenas`, `nfp2lasta`, free pools     |
//! | `heap`         | [`Heap`]: alloc/free fast paths, slow paths, realloc, debug checks |
//! | `os`           | `mmap`/`munmap`, `malloc`/`free`, `SysVec` for bookkeeping      |
//! | `stats`        | [`Stats`], the `sys._debugmallocstats()` text                   |
//! | `check`        | [`Heap::check_invariants`], the whole-heap consistency walk     |
//! | `global`       | [`PyriteGlobalAlloc`], a locked heap as a Rust `GlobalAlloc`    |
//!
//! # Memory layout
//!
//! ```text
//!  Heap ─┬─ usedpools[class] ──► doubly linked list of *used* pools of that class
//!        └─ arena table [ArenaObject; 16, 32, 64 ...]
//!              │ usable_arenas: arenas with free pools, fewest free first
//!              ▼
//!  arena (ARENA_SIZE, mmap) ─────────────────────────────────────────────────
//!  │ pool 0 │ pool 1 │ pool 2 │  ...  │ pool k │ never carved ...           │
//!  ─────────────────────────────────────▲──────────────────────────────────────
//!     │                                 └ pool_address
//!     ▼
//!  pool (POOL_SIZE, POOL_SIZE-aligned) ───────────────────────────────────────
//!  │ header (48 B) │ block │ block │ block │ ... untouched ... │ quantization │
//!  ─────────────────────────────────────────────────────────────────────────────
//!    count, szidx, freeblock ─► free block ─► free block ─► null
//!    nextpool/prevpool, arenaindex, nextoffset, maxnextoffset
//! ```
//!
//! A block's pool is found by masking its address with `!(POOL_SIZE - 1)`;
//! the pool header names its size class and arena. Frees carry the request
//! size (as Rust's allocator API does), which routes them between pools and
//! `malloc` without any address lookup; debug builds also keep a sorted map
//! of arena bases to catch frees of foreign pointers and double frees.
//!
//! # Use
//!
//! ```
//! use pyrite_obmalloc::Heap;
//! let mut heap = Heap::new();
//! // SAFETY: the block is freed once, on the same heap, with its size.
//! unsafe {
//!     let p = heap.alloc(24);
//!     p.write_bytes(0xAB, 24);
//!     heap.dealloc(p, 24);
//! }
//! heap.check_invariants();
//! ```

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
#![deny(clippy::undocumented_unsafe_blocks)]

mod arena;
mod check;
mod global;
mod heap;
mod os;
mod pool;
mod size_class;
mod stats;
#[cfg(test)]
mod tests;

pub use global::PyriteGlobalAlloc;
pub use heap::{AllocatorMode, Heap};
pub use size_class::{
    blocks_per_pool, class_block_size, size_class_index, ALIGNMENT, ALIGNMENT_SHIFT, ARENA_SIZE,
    INITIAL_ARENA_OBJECTS, MAX_POOLS_IN_ARENA, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, POOL_SIZE_MASK,
    SMALL_REQUEST_THRESHOLD,
};
pub use stats::{format_freelist_line, format_printone, ClassStats, Stats};
