//! [`PyriteGlobalAlloc`]: a thread-safe [`GlobalAlloc`] over one [`Heap`]
//! behind a mutex, so any Rust program (or a benchmark) can use the allocator:
//!
//! ```no_run
//! #[global_allocator]
//! static GLOBAL: pyrite_obmalloc::PyriteGlobalAlloc = pyrite_obmalloc::PyriteGlobalAlloc::new();
//! ```
//!
//! Requests with an alignment above [`ALIGNMENT`] bypass the heap
//! (`posix_memalign`), as do large ones (`malloc`), without taking the lock.
//! The interpreter itself uses an unsynchronised [`Heap`] under its GIL.

use core::alloc::{GlobalAlloc, Layout};
use core::ptr;
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::heap::Heap;
use crate::os;
use crate::size_class::{size_class_index, ALIGNMENT};
use crate::stats::Stats;

/// A lock-protected [`Heap`] usable as `#[global_allocator]`.
pub struct PyriteGlobalAlloc {
    heap: Mutex<Heap>,
}

impl Default for PyriteGlobalAlloc {
    fn default() -> Self {
        Self::new()
    }
}

impl core::fmt::Debug for PyriteGlobalAlloc {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PyriteGlobalAlloc").finish_non_exhaustive()
    }
}

impl PyriteGlobalAlloc {
    /// A new allocator with an empty pymalloc heap; `const`, for statics.
    #[must_use]
    pub const fn new() -> Self {
        Self { heap: Mutex::new(Heap::new()) }
    }

    fn lock(&self) -> MutexGuard<'_, Heap> {
        // A panic while the lock was held cannot leave the heap half-updated
        // in a way a later call would trip over more than the panic did.
        self.heap.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The heap's current numbers (takes the lock; allocates nothing).
    #[must_use]
    pub fn stats(&self) -> Stats {
        self.lock().stats()
    }
}

/// Whether a layout is served by the locked heap's pools.
#[inline(always)]
fn goes_to_pools(layout: Layout) -> bool {
    layout.align() <= ALIGNMENT && size_class_index(layout.size()).is_some()
}

// SAFETY: every block is handed out once by the heap (under the lock) or by
// the C allocator, with at least `layout.align()` alignment: pool blocks are
// ALIGNMENT-aligned and used only when align <= ALIGNMENT; `malloc` aligns to
// 16 >= ALIGNMENT; larger alignments use posix_memalign. Frees are routed by
// the same layout test as the allocation, so each block returns to its owner.
unsafe impl GlobalAlloc for PyriteGlobalAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if goes_to_pools(layout) {
            // SAFETY: the block is freed through `dealloc` below with the
            // same layout, hence the same heap and routing.
            unsafe { self.lock().alloc(layout.size()) }
        } else if layout.align() <= ALIGNMENT {
            os::sys_malloc(layout.size())
        } else {
            os::sys_aligned_alloc(layout.align(), layout.size())
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if goes_to_pools(layout) {
            // SAFETY: `ptr` was allocated by `alloc`/`realloc` with this
            // layout, so it is a live pool block of our heap.
            unsafe { self.lock().dealloc(ptr, layout.size()) }
        } else {
            // SAFETY: the same layout went to malloc/posix_memalign.
            unsafe { os::sys_free(ptr) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= ALIGNMENT {
            if goes_to_pools(layout) || size_class_index(new_size).is_some() {
                // SAFETY: `ptr` is live with `layout.size()` bytes, routed as
                // the heap routes it; the result is routed by `new_size`,
                // matching how `dealloc` will route the new layout.
                unsafe { self.lock().realloc(ptr, layout.size(), new_size) }
            } else {
                // SAFETY: both sizes are large: a malloc block stays one.
                unsafe { os::sys_realloc(ptr, new_size) }
            }
        } else {
            let new = os::sys_aligned_alloc(layout.align(), new_size);
            if !new.is_null() {
                // SAFETY: distinct live blocks of at least min(old, new)
                // bytes; the old one came from posix_memalign.
                unsafe {
                    ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                    os::sys_free(ptr);
                }
            }
            new
        }
    }
}
