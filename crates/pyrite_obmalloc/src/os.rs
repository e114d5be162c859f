//! Everything the allocator takes from the operating system and the C
//! library: arena mappings (`mmap`/`munmap`), the system allocator for large
//! and zero-byte requests (`malloc`/`realloc`/`free`), and [`SysVec`], a tiny
//! growable array on `malloc` memory for the allocator's own bookkeeping.
//!
//! Bookkeeping never uses Rust's global allocator, so a [`crate::Heap`] can sit
//! behind `#[global_allocator]` (see [`crate::PyriteGlobalAlloc`]) without
//! recursing into itself.

use core::ptr;

use crate::size_class::ARENA_SIZE;

/// Maps `ARENA_SIZE` fresh, zeroed, read-write bytes; null on failure.
pub(crate) fn map_arena() -> *mut u8 {
    // SAFETY: an anonymous private mapping with a null hint touches no
    // existing memory; the result is checked against MAP_FAILED.
    let p = unsafe {
        libc::mmap(
            ptr::null_mut(),
            ARENA_SIZE,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        ptr::null_mut()
    } else {
        p.cast()
    }
}

/// Returns an arena's memory to the OS.
///
/// # Safety
/// `base` came from [`map_arena`], has not been unmapped yet, and no pointer
/// into it is used afterwards.
pub(crate) unsafe fn unmap_arena(base: *mut u8) {
    // SAFETY: per the contract, [base, base + ARENA_SIZE) is one live mapping
    // created by `map_arena`.
    let rc = unsafe { libc::munmap(base.cast(), ARENA_SIZE) };
    debug_assert_eq!(rc, 0, "munmap of an arena failed");
}

/// `malloc(n)`, with 0 turned into 1 as CPython's raw allocator does, so that
/// a successful zero-byte request yields a unique pointer.
#[inline]
pub(crate) fn sys_malloc(n: usize) -> *mut u8 {
    // SAFETY: malloc accepts any size and returns null or fresh memory.
    unsafe { libc::malloc(n.max(1)) }.cast()
}

/// `posix_memalign` of `n` bytes (0 turned into 1) aligned to `align`, a
/// power of two; null on failure. Free with [`sys_free`].
pub(crate) fn sys_aligned_alloc(align: usize, n: usize) -> *mut u8 {
    let align = align.max(core::mem::size_of::<*mut u8>());
    let mut out = ptr::null_mut();
    // SAFETY: `out` is a valid place for the result; `align` is a power of
    // two and a multiple of the pointer size, as posix_memalign requires.
    let rc = unsafe { libc::posix_memalign(&mut out, align, n.max(1)) };
    if rc == 0 {
        out.cast()
    } else {
        ptr::null_mut()
    }
}

/// `realloc(p, n)` with 0 turned into 1.
///
/// # Safety
/// `p` is null or a live pointer from [`sys_malloc`]/[`sys_realloc`].
#[inline]
pub(crate) unsafe fn sys_realloc(p: *mut u8, n: usize) -> *mut u8 {
    // SAFETY: forwarded contract of this function.
    unsafe { libc::realloc(p.cast(), n.max(1)) }.cast()
}

/// `free(p)`.
///
/// # Safety
/// `p` is null or a live pointer from [`sys_malloc`], [`sys_realloc`] or
/// [`sys_aligned_alloc`].
#[inline]
pub(crate) unsafe fn sys_free(p: *mut u8) {
    // SAFETY: forwarded contract of this function.
    unsafe { libc::free(p.cast()) }
}

/// A growable array of `Copy` values in `malloc` memory (never Rust's global
/// allocator). Only what the allocator needs: push, insert, remove, slices.
///
/// Invariant: `ptr` is null iff `cap == 0`; otherwise it points to a `malloc`
/// block of `cap` elements whose first `len` are initialised.
pub(crate) struct SysVec<T: Copy> {
    ptr: *mut T,
    len: usize,
    cap: usize,
}

impl<T: Copy> SysVec<T> {
    /// An empty vector; allocates nothing.
    pub(crate) const fn new() -> Self {
        Self { ptr: ptr::null_mut(), len: 0, cap: 0 }
    }

    /// Number of elements.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The initialised elements.
    pub(crate) fn as_slice(&self) -> &[T] {
        if self.ptr.is_null() {
            &[]
        } else {
            // SAFETY: per the type invariant the first `len` elements of the
            // block are initialised, and `&self` prevents mutation meanwhile.
            unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
        }
    }

    /// Element `i` without a bounds check.
    ///
    /// # Safety
    /// `i < self.len()`.
    #[inline(always)]
    pub(crate) unsafe fn get_unchecked(&self, i: usize) -> &T {
        debug_assert!(i < self.len);
        // SAFETY: `i < len` (contract), so the element is initialised.
        unsafe { &*self.ptr.add(i) }
    }

    /// Element `i`, mutably, without a bounds check.
    ///
    /// # Safety
    /// `i < self.len()`.
    #[inline(always)]
    pub(crate) unsafe fn get_unchecked_mut(&mut self, i: usize) -> &mut T {
        debug_assert!(i < self.len);
        // SAFETY: `i < len` (contract); `&mut self` makes the borrow unique.
        unsafe { &mut *self.ptr.add(i) }
    }

    /// Grows the capacity to exactly `new_cap` elements (if larger). Returns
    /// false, leaving the vector unchanged, if the system is out of memory.
    pub(crate) fn reserve_exact(&mut self, new_cap: usize) -> bool {
        if new_cap <= self.cap {
            return true;
        }
        let Some(bytes) = new_cap.checked_mul(core::mem::size_of::<T>()) else {
            return false;
        };
        // SAFETY: `self.ptr` is null or our live malloc block (invariant).
        let p = unsafe { sys_realloc(self.ptr.cast(), bytes) }.cast::<T>();
        if p.is_null() {
            return false;
        }
        debug_assert!(p.is_aligned(), "malloc returned memory aligned for any T");
        self.ptr = p;
        self.cap = new_cap;
        true
    }

    /// Makes room for one more element, doubling the capacity (at least 4).
    fn grow_for_one(&mut self) -> bool {
        if self.len < self.cap {
            return true;
        }
        self.reserve_exact(self.cap.saturating_mul(2).max(4))
    }

    /// Appends `v`; false if out of memory.
    pub(crate) fn push(&mut self, v: T) -> bool {
        self.insert(self.len, v)
    }

    /// Inserts `v` at `index <= len`, shifting the tail right; false if out
    /// of memory.
    pub(crate) fn insert(&mut self, index: usize, v: T) -> bool {
        assert!(index <= self.len, "SysVec::insert out of bounds");
        if !self.grow_for_one() {
            return false;
        }
        // SAFETY: after `grow_for_one`, cap > len, so the block has room for
        // len + 1 elements; `index <= len` keeps both copies in bounds.
        unsafe {
            let at = self.ptr.add(index);
            ptr::copy(at, at.add(1), self.len - index);
            at.write(v);
        }
        self.len += 1;
        true
    }

    /// Removes and returns the element at `index < len`.
    #[cfg(any(debug_assertions, test))]
    pub(crate) fn remove(&mut self, index: usize) -> T {
        assert!(index < self.len, "SysVec::remove out of bounds");
        // SAFETY: `index < len` so `at` is an initialised element, and the
        // tail copy stays within the initialised prefix.
        unsafe {
            let at = self.ptr.add(index);
            let v = at.read();
            ptr::copy(at.add(1), at, self.len - index - 1);
            self.len -= 1;
            v
        }
    }
}

impl<T: Copy> Drop for SysVec<T> {
    fn drop(&mut self) {
        // SAFETY: `ptr` is null or our live malloc block (invariant), and it
        // is not used after drop. `T: Copy` needs no element drops.
        unsafe { sys_free(self.ptr.cast()) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sysvec_push_insert_remove() {
        let mut v: SysVec<u64> = SysVec::new();
        assert_eq!(v.as_slice(), &[] as &[u64]);
        for i in 0..10 {
            assert!(v.push(i));
        }
        assert!(v.insert(0, 100));
        assert!(v.insert(5, 200));
        assert_eq!(v.len(), 12);
        assert_eq!(v.remove(0), 100);
        assert_eq!(v.remove(4), 200);
        assert_eq!(v.as_slice(), &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        // SAFETY: 3 < len.
        unsafe { *v.get_unchecked_mut(3) = 42 };
        // SAFETY: 3 < len.
        assert_eq!(unsafe { *v.get_unchecked(3) }, 42);
        assert!(v.reserve_exact(64));
        assert_eq!(v.cap, 64);
        assert!(v.reserve_exact(8), "shrinking is a no-op");
        assert_eq!(v.cap, 64);
    }

    #[test]
    fn arena_mapping_is_zeroed_and_writable() {
        let p = map_arena();
        assert!(!p.is_null());
        // SAFETY: p is a fresh ARENA_SIZE mapping, unmapped once below.
        unsafe {
            assert_eq!(*p.add(ARENA_SIZE - 1), 0);
            *p.add(ARENA_SIZE - 1) = 7;
            unmap_arena(p);
        }
    }
}
