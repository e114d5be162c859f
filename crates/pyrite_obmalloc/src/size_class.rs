//! Allocator parameters and size-class arithmetic (ALLOC-2, ALLOC-3).
//!
//! Every tunable number of the allocator is a `const` in this module. The
//! default build uses the project charter's values (8-byte steps, 4 KiB pools,
//! 256 KiB arenas); the `cpython311` cargo feature switches to CPython 3.11's
//! 64-bit values (16-byte steps, 16 KiB pools, 1 MiB arenas).
//!
//! | constant                    | default   | `cpython311` |
//! |-----------------------------|-----------|--------------|
//! | [`ALIGNMENT`]               | 8         | 16           |
//! | [`SMALL_REQUEST_THRESHOLD`] | 512       | 512          |
//! | [`NB_SMALL_SIZE_CLASSES`]   | 64        | 32           |
//! | [`POOL_SIZE`]               | 4 KiB     | 16 KiB       |
//! | [`ARENA_SIZE`]              | 256 KiB   | 1 MiB        |
//! | [`POOL_OVERHEAD`]           | 48        | 48           |
//! | [`MAX_POOLS_IN_ARENA`]      | 64        | 64           |

/// log2 of [`ALIGNMENT`].
#[cfg(not(feature = "cpython311"))]
pub const ALIGNMENT_SHIFT: u32 = 3;
/// log2 of [`ALIGNMENT`].
#[cfg(feature = "cpython311")]
pub const ALIGNMENT_SHIFT: u32 = 4;

/// Alignment of every block, and the step between two size classes.
///
/// No object type allocated from the small-object allocator may need a larger
/// alignment; the VM asserts this at compile time, e.g.
/// `const _: () = assert!(align_of::<PyFloat>() <= pyrite_obmalloc::ALIGNMENT);`.
pub const ALIGNMENT: usize = 1 << ALIGNMENT_SHIFT;

/// Largest request (in bytes) served from pools; larger ones go to the system.
pub const SMALL_REQUEST_THRESHOLD: usize = 512;

/// Number of size classes: `SMALL_REQUEST_THRESHOLD / ALIGNMENT`.
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;

/// Size of one pool (one size class per pool). Pools are `POOL_SIZE`-aligned.
#[cfg(not(feature = "cpython311"))]
pub const POOL_SIZE: usize = 4 * 1024;
/// Size of one pool (one size class per pool). Pools are `POOL_SIZE`-aligned.
#[cfg(feature = "cpython311")]
pub const POOL_SIZE: usize = 16 * 1024;

/// Size of one arena, the unit obtained from and returned to the OS.
#[cfg(not(feature = "cpython311"))]
pub const ARENA_SIZE: usize = 256 * 1024;
/// Size of one arena, the unit obtained from and returned to the OS.
#[cfg(feature = "cpython311")]
pub const ARENA_SIZE: usize = 1024 * 1024;

/// Mask of the offset of an address inside its pool.
pub const POOL_SIZE_MASK: usize = POOL_SIZE - 1;

/// Pools that fit in an arena whose base is pool-aligned.
pub const MAX_POOLS_IN_ARENA: usize = ARENA_SIZE / POOL_SIZE;

/// Bytes at the start of each pool taken by its header (the header size
/// rounded up to [`ALIGNMENT`]); the first block starts at this offset.
pub const POOL_OVERHEAD: usize = crate::pool::POOL_HEADER_SIZE.next_multiple_of(ALIGNMENT);

/// Number of arena descriptors the descriptor table starts with; it doubles
/// each time it runs out.
pub const INITIAL_ARENA_OBJECTS: usize = 16;

const _: () = {
    assert!(ALIGNMENT.is_power_of_two());
    assert!(POOL_SIZE.is_power_of_two());
    assert!(SMALL_REQUEST_THRESHOLD.is_multiple_of(ALIGNMENT));
    assert!(ARENA_SIZE.is_multiple_of(POOL_SIZE));
    // The spec (ALLOC-9) counts 48 header bytes per pool.
    assert!(POOL_OVERHEAD == 48);
    // A free block stores the next-pointer of its free list.
    assert!(ALIGNMENT >= core::mem::size_of::<*mut u8>());
    // Offsets inside a pool are stored as u32, arena indices too.
    assert!(POOL_SIZE <= u32::MAX as usize);
    // Every pool holds at least two blocks, so a used pool is never both
    // freshly initialised and full (see `pool.rs`).
    assert!((POOL_SIZE - POOL_OVERHEAD) / SMALL_REQUEST_THRESHOLD >= 2);
    // An arena keeps at least two pools even when one is lost to alignment.
    assert!(MAX_POOLS_IN_ARENA >= 3);
};

/// The size class of an `n`-byte request: `(n - 1) >> ALIGNMENT_SHIFT`, or
/// `None` when the request goes to the system allocator (`n == 0` or
/// `n > SMALL_REQUEST_THRESHOLD`).
#[inline(always)]
#[must_use]
pub const fn size_class_index(n: usize) -> Option<usize> {
    // `n - 1` wraps for n == 0, which then fails the range check.
    let m = n.wrapping_sub(1);
    if m < SMALL_REQUEST_THRESHOLD {
        Some(m >> ALIGNMENT_SHIFT)
    } else {
        None
    }
}

/// Block size of size class `idx`: `(idx + 1) * ALIGNMENT`.
#[inline(always)]
#[must_use]
pub const fn class_block_size(idx: usize) -> usize {
    (idx + 1) << ALIGNMENT_SHIFT
}

/// Number of blocks of class `idx` in one pool: `(POOL_SIZE - 48) / size`.
#[inline]
#[must_use]
pub const fn blocks_per_pool(idx: usize) -> usize {
    (POOL_SIZE - POOL_OVERHEAD) / class_block_size(idx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_at_edges() {
        assert_eq!(size_class_index(0), None);
        assert_eq!(size_class_index(1), Some(0));
        assert_eq!(size_class_index(ALIGNMENT), Some(0));
        assert_eq!(size_class_index(ALIGNMENT + 1), Some(1));
        assert_eq!(size_class_index(8).map(class_block_size), Some(ALIGNMENT.max(8)));
        assert_eq!(size_class_index(9).map(class_block_size), Some(ALIGNMENT.max(16)));
        assert_eq!(size_class_index(512), Some(NB_SMALL_SIZE_CLASSES - 1));
        assert_eq!(class_block_size(NB_SMALL_SIZE_CLASSES - 1), 512);
        assert_eq!(size_class_index(513), None);
        assert_eq!(size_class_index(usize::MAX), None);
    }

    #[test]
    fn every_size_fits_its_class() {
        for n in 1..=SMALL_REQUEST_THRESHOLD {
            let idx = size_class_index(n).unwrap();
            let size = class_block_size(idx);
            assert!(size >= n && size - n < ALIGNMENT, "n={n} size={size}");
            assert_eq!(size % ALIGNMENT, 0);
        }
    }

    #[test]
    fn parameters() {
        #[cfg(not(feature = "cpython311"))]
        {
            assert_eq!(NB_SMALL_SIZE_CLASSES, 64);
            assert_eq!(blocks_per_pool(0), 506);
        }
        #[cfg(feature = "cpython311")]
        {
            assert_eq!(NB_SMALL_SIZE_CLASSES, 32);
            assert_eq!(blocks_per_pool(0), 1021);
        }
        assert_eq!(MAX_POOLS_IN_ARENA, 64);
    }
}
